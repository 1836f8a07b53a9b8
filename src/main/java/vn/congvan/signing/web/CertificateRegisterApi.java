package vn.congvan.signing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.HoldsRole;
import vn.congvan.shared.Official;
import vn.congvan.shared.Role;
import vn.congvan.signing.keys.SigningCertificate;
import vn.congvan.signing.register.CertificateRegister;
import vn.congvan.signing.register.HeldCertificate;
import vn.congvan.signing.register.HsmKey;
import vn.congvan.signing.register.PresentedCertificates;

/** The certificate register: certificates held on USB tokens, PKI SIMs and remote signing services. */
@RestController
@Tag(name = "signatures")
class CertificateRegisterApi {

    private final CertificateRegister register;

    CertificateRegisterApi(CertificateRegister register) {
        this.register = register;
    }

    @PostMapping(path = "/api/v1/people/{personId}/certificates", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "registerPersonalCertificate",
            summary = "Register one's certificate held on a USB token, a PKI SIM or a remote signing service "
                    + "(certificate: base64 DER or PEM; chain: intermediates up to a trust anchor; medium; "
                    + "remoteCredential: the credential id at the remote service). Signatures made outside the "
                    + "server are accepted only with a registered certificate of the signer.")
    ResponseEntity<CertificateJson> registerPersonalCertificate(
            @PathVariable UUID personId,
            @RequestBody CertificateBody body,
            @AuthenticationPrincipal Official official) {
        return created(register.registerPersonal(official, personId, held(body)));
    }

    @GetMapping("/api/v1/people/{personId}/certificates")
    @Operation(operationId = "listPersonalCertificates", summary = "A person's registered certificates")
    List<CertificateJson> listPersonalCertificates(
            @PathVariable UUID personId, @AuthenticationPrincipal Official official) {
        return register.personal(official, personId).stream()
                .map(CertificateJson::of)
                .toList();
    }

    @PostMapping(path = "/api/v1/units/{unitId}/certificates", consumes = MediaType.APPLICATION_JSON_VALUE)
    @HoldsRole(value = Role.CLERK, refusal = "signing.organization.clerk-only")
    @Operation(
            operationId = "registerOrganizationCertificate",
            summary = "Register the unit's organization certificate held on a token or remote service, by its clerk")
    ResponseEntity<CertificateJson> registerOrganizationCertificate(
            @PathVariable UUID unitId, @RequestBody CertificateBody body, @AuthenticationPrincipal Official official) {
        return created(register.registerOrganization(official, unitId, held(body)));
    }

    @GetMapping("/api/v1/units/{unitId}/certificates")
    @Operation(operationId = "listOrganizationCertificates", summary = "A unit's organization certificates")
    List<CertificateJson> listOrganizationCertificates(
            @PathVariable UUID unitId, @AuthenticationPrincipal Official official) {
        return register.organization(official, unitId).stream()
                .map(CertificateJson::of)
                .toList();
    }

    @PostMapping(path = "/api/v1/units/{unitId}/hsm-certificates", consumes = MediaType.APPLICATION_JSON_VALUE)
    @HoldsRole(value = Role.IT_OFFICER, refusal = "signing.hsm.it-only")
    @Operation(
            operationId = "enrolHsmCertificate",
            summary = "Enrol a certificate whose key pair the server's HSM holds (keyAlias: the label of the key "
                    + "and its certificate in the token; certificate: base64 DER or PEM; chain: intermediates up to "
                    + "a trust anchor; personId: the person it signs for, none for the unit's organization "
                    + "signature), by the administrator or the unit's IT officer. Audited.")
    ResponseEntity<CertificateJson> enrolHsmCertificate(
            @PathVariable UUID unitId,
            @RequestBody HsmCertificateBody body,
            @AuthenticationPrincipal Official official) {
        HsmKey key = new HsmKey(
                PresentedCertificates.parse(body.certificate()),
                PresentedCertificates.parseAll(body.chain()),
                Objects.requireNonNullElse(body.keyAlias(), ""),
                body.personId());
        return created(register.enrolHsm(official, unitId, key));
    }

    private static HeldCertificate held(CertificateBody body) {
        if (body.medium() == null) {
            throw DomainException.invalid("signing.register.medium-required");
        }
        return new HeldCertificate(
                PresentedCertificates.parse(body.certificate()),
                PresentedCertificates.parseAll(body.chain()),
                body.medium(),
                body.remoteCredential(),
                body.unitId());
    }

    private static ResponseEntity<CertificateJson> created(SigningCertificate certificate) {
        return ResponseEntity.status(HttpStatus.CREATED).body(CertificateJson.of(certificate));
    }
}
