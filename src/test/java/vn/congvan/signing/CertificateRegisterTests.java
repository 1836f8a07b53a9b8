package vn.congvan.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import vn.congvan.ApiClient;
import vn.congvan.CongVanTest;
import vn.congvan.TestPki;
import vn.congvan.TestProvince;
import vn.congvan.shared.Role;
import vn.congvan.signing.pki.IssuedCertificate;
import vn.congvan.signing.pki.KeyAlgorithm;
import vn.congvan.signing.pki.Subject;

/** Officials register the certificates on their USB tokens and SIMs; the clerk registers the unit's. */
@CongVanTest
class CertificateRegisterTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    final TestPki pki = TestPki.shared();
    TestProvince.Unit department;
    String directorName;
    String directorId;
    ApiClient director;
    ApiClient specialist;
    ApiClient clerk;

    @BeforeEach
    void aDepartment() {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        department = province.aUnit("Sở Tài chính", "STC");
        directorName = province.anOfficial("Ngô Thị Giám Đốc", Role.LEADER, department.id());
        directorId = jdbc.sql("select id::text from person where username = ?")
                .param(directorName)
                .query(String.class)
                .single();
        specialist = new ApiClient(
                port, province.tokenFor(province.anOfficial("Vũ Văn Chuyên", Role.SPECIALIST, department.id())));
        clerk = new ApiClient(
                port, province.tokenFor(province.anOfficial("Đào Thị Văn Thư", Role.CLERK, department.id())));
        director = new ApiClient(port, province.tokenFor(directorName));
    }

    @Test
    void aDirectorRegistersTheCertificateOnHerUsbTokenAndSeesItListed() {
        IssuedCertificate token = pki.person("Ngô Thị Giám Đốc", department.name());

        var registered = director.postJson(personal(), body(token, "USB_TOKEN", null));

        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(registered.get("medium")).isEqualTo("USB_TOKEN");
        assertThat(registered.get("commonName")).isEqualTo("Ngô Thị Giám Đốc");
        assertThat(registered.get("unitId")).isEqualTo(department.id().toString());
        assertThat(director.get(personal()).list()).singleElement().asString().contains("USB_TOKEN");
        assertThat(jdbc.sql("select count(*) from audit_record where action = 'certificate.registered' "
                                + "and subject_id = ?")
                        .param(directorId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aCertificateIsRegisteredOnlyOnce() {
        IssuedCertificate token = pki.person("Ngô Thị Giám Đốc", department.name());
        assertThat(director.postJson(personal(), body(token, "USB_TOKEN", null)).status())
                .isEqualTo(201);

        var again = director.postJson(personal(), body(token, "USB_TOKEN", null));

        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.get("code")).isEqualTo("signing.register.already");
    }

    @Test
    void nobodyRegistersACertificateInSomeoneElsesName() {
        var refused = specialist.postJson(
                personal(), body(pki.person("Ngô Thị Giám Đốc", department.name()), "USB_TOKEN", null));

        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(refused.get("code")).isEqualTo("signing.register.own-only");
        assertThat(certificatesOfTheDirector()).isZero();
    }

    @Test
    void aDirectorCannotRegisterACertificateIssuedToSomeoneElse() {
        var refused = director.inEnglish()
                .postJson(personal(), body(pki.person("Lê Văn Người Khác", department.name()), "USB_TOKEN", null));

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.get("code")).isEqualTo("signing.register.names-another");
        assertThat((String) refused.get("detail")).contains("Lê Văn Người Khác").contains("Ngô Thị Giám Đốc");
        assertThat(certificatesOfTheDirector()).isZero();
    }

    @Test
    void aNameWithOtherDiacriticsIsSomeoneElseButCapitalsOrNoDiacriticsAtAllNameTheSamePerson() {
        var otherDiacritics = director.postJson(
                personal(), body(pki.person("Ngô Thị Giám Độc", department.name()), "USB_TOKEN", null));
        var capitals = director.postJson(
                personal(), body(pki.person("NGÔ THỊ  GIÁM ĐỐC", department.name()), "USB_TOKEN", null));
        var withoutDiacritics = director.postJson(
                personal(), body(pki.person("Ngo Thi Giam Doc", department.name()), "USB_TOKEN", null));

        assertThat(otherDiacritics.get("code")).isEqualTo("signing.register.names-another");
        assertThat(capitals.status()).as(capitals.body()).isEqualTo(201);
        assertThat(withoutDiacritics.status()).as(withoutDiacritics.body()).isEqualTo(201);
        assertThat(certificatesOfTheDirector()).isEqualTo(2);
    }

    @Test
    void aForgedCertificateFromAnUntrustedAuthorityIsRefused() {
        var refused = director.postJson(
                personal(), body(pki.untrusted("Ngô Thị Giám Đốc", department.name()), "USB_TOKEN", null));

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.get("code")).isEqualTo("signing.register.untrusted");
        assertThat(certificatesOfTheDirector()).isZero();
    }

    @Test
    void anExpiredCertificateIsRefused() {
        Instant now = Instant.now();
        IssuedCertificate expired = pki.issue(
                Subject.person("Ngô Thị Giám Đốc", department.name()),
                KeyAlgorithm.RSA_2048,
                now.minus(Duration.ofDays(30)),
                now.minus(Duration.ofDays(1)));

        var refused = director.postJson(personal(), body(expired, "USB_TOKEN", null));

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.get("code")).isEqualTo("signing.certificate.expired");
    }

    @Test
    void aRemoteCertificateNeedsItsCredentialIdAndAServerKeyIsNotRegisteredHere() {
        IssuedCertificate sim = pki.person("Ngô Thị Giám Đốc", department.name());

        var withoutCredential = director.postJson(personal(), body(sim, "PKI_SIM", null));
        var serverMedium = director.postJson(personal(), body(sim, "SERVER", null));
        var notACertificate =
                director.postJson(personal(), Map.of("certificate", "bm90IGEgY2VydGlmaWNhdGU=", "medium", "USB_TOKEN"));

        assertThat(withoutCredential.get("code")).isEqualTo("signing.register.credential-required");
        assertThat(serverMedium.get("code")).isEqualTo("signing.register.medium-held-by-server");
        assertThat(notACertificate.get("code")).isEqualTo("signing.session.certificate-unreadable");
        assertThat(director.postJson(personal(), body(sim, "PKI_SIM", "sim-0912345678"))
                        .get("remoteCredential"))
                .isEqualTo("sim-0912345678");
    }

    @Test
    void theClerkRegistersTheUnitsOrganizationCertificateAndTheDirectorCannot() {
        IssuedCertificate seal = pki.organization(department.name());
        String path = "/api/v1/units/" + department.id() + "/certificates";

        var byDirector = director.postJson(path, body(seal, "USB_TOKEN", null));
        var byClerk = clerk.postJson(path, body(seal, "USB_TOKEN", null));

        assertThat(byDirector.status()).isEqualTo(403);
        assertThat(byClerk.status()).as(byClerk.body()).isEqualTo(201);
        assertThat(byClerk.get("kind")).isEqualTo("ORGANIZATION");
        assertThat(specialist.get(path).body()).contains(department.name());
    }

    private String personal() {
        return "/api/v1/people/" + directorId + "/certificates";
    }

    private long certificatesOfTheDirector() {
        return jdbc.sql("select count(*) from signing_certificate where person_id = ?::uuid")
                .param(directorId)
                .query(Long.class)
                .single();
    }

    static Map<String, Object> body(IssuedCertificate issued, String medium, String credential) {
        Map<String, Object> body = new HashMap<>();
        body.put("certificate", TestPki.pem(issued.certificate()));
        body.put(
                "chain",
                issued.chain().stream()
                        .skip(1)
                        .map(CertificateRegisterTests::base64)
                        .toList());
        body.put("medium", medium);
        if (credential != null) {
            body.put("remoteCredential", credential);
        }
        return body;
    }

    private static String base64(X509Certificate certificate) {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
