package vn.congvan.signing.demo;

import java.security.cert.CRLException;
import java.security.cert.CertificateEncodingException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.congvan.signing.pki.CertificateAuthority;

/**
 * Where the demo authority publishes, as a real CA does, at the addresses written in its
 * certificates: its certificates, its CRLs and its OCSP answers, to anyone, without signing in; and
 * its time-stamping service. OCSP requests in the GET form are answered by {@link OcspGetRequests}.
 * The demo revokes nothing yet: its CRLs are empty and its OCSP answers "good".
 */
@RestController
class DemoRevocationEndpoints {

    private static final MediaType CRL = MediaType.parseMediaType("application/pkix-crl");
    private static final MediaType CERTIFICATE = MediaType.parseMediaType("application/pkix-cert");
    private static final MediaType OCSP_RESPONSE = MediaType.parseMediaType("application/ocsp-response");
    private static final MediaType TIME_STAMP_REPLY = MediaType.parseMediaType("application/timestamp-reply");

    private final DemoCertificateAuthority authority;

    DemoRevocationEndpoints(DemoCertificateAuthority authority) {
        this.authority = authority;
    }

    @GetMapping("/pki/{name}.crl")
    ResponseEntity<byte[]> crl(@PathVariable String name) throws CRLException {
        Optional<CertificateAuthority> ca = authority.named(name);
        if (ca.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        Instant now = Instant.now();
        return ResponseEntity.ok()
                .contentType(CRL)
                .body(ca.get()
                        .crl(List.of(), now.minusSeconds(60), now.plus(Duration.ofDays(1)))
                        .getEncoded());
    }

    @GetMapping("/pki/{name}.crt")
    ResponseEntity<byte[]> certificate(@PathVariable String name) {
        return authority
                .named(name)
                .map(ca -> certificateOf(ca))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @PostMapping(path = "/pki/{name}/ocsp", consumes = "application/ocsp-request")
    ResponseEntity<byte[]> ocsp(@PathVariable String name, @RequestBody byte[] request) {
        return answer(name, request);
    }

    /** The time-stamping service (RFC 3161 over HTTP). */
    @PostMapping(path = "/pki/tsa", consumes = "application/timestamp-query")
    ResponseEntity<byte[]> timeStamp(@RequestBody byte[] query) {
        if (!authority.enabled()) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok()
                .contentType(TIME_STAMP_REPLY)
                .body(authority.timeStamping().answer(query, Instant.now()));
    }

    private ResponseEntity<byte[]> answer(String name, byte[] request) {
        return authority
                .named(name)
                .map(ca -> ResponseEntity.ok()
                        .contentType(OCSP_RESPONSE)
                        .body(ca.answerOcsp(request, serial -> Optional.empty(), Instant.now())))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    private static ResponseEntity<byte[]> certificateOf(CertificateAuthority ca) {
        try {
            return ResponseEntity.ok()
                    .contentType(CERTIFICATE)
                    .body(ca.certificate().getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
