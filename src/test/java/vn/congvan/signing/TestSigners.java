package vn.congvan.signing;

import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.congvan.TestPki;
import vn.congvan.signing.keys.CertificateKind;
import vn.congvan.signing.keys.KeyMedium;
import vn.congvan.signing.keys.SigningCertificate;
import vn.congvan.signing.keys.SigningCertificates;
import vn.congvan.signing.pki.IssuedCertificate;
import vn.congvan.signing.pki.KeyAlgorithm;
import vn.congvan.signing.pki.Subject;

/**
 * Gives test officials and units certificates of the test PKI, with their keys held by the server.
 * Keys the server holds are EC P-256, as the demo's: making a 2048-bit RSA key took 8 % of the unit
 * tests' processor, and the server signs alike with either. Keys a test signs with itself, as a
 * token would, stay RSA as on the government CA's tokens.
 */
public final class TestSigners {

    private final JdbcClient jdbc;
    private final SigningCertificates certificates;
    private final TestPki pki = TestPki.shared();

    public TestSigners(JdbcClient jdbc, SigningCertificates certificates) {
        this.jdbc = jdbc;
        this.certificates = certificates;
    }

    UUID personId(String username) {
        return jdbc.sql("select id from person where username = ?")
                .param(username)
                .query(UUID.class)
                .single();
    }

    String fullName(String username) {
        return jdbc.sql("select full_name from person where username = ?")
                .param(username)
                .query(String.class)
                .single();
    }

    /** A personal certificate valid now for the official, CN = their name, O = the unit. */
    public SigningCertificate personal(String username, UUID unitId, String unitName) {
        return certificates.enrolPersonal(
                personId(username), unitId, pki.person(fullName(username), unitName, KeyAlgorithm.EC_P256));
    }

    /** A personal certificate for the official, valid only between the two instants. */
    SigningCertificate personal(String username, UUID unitId, String unitName, Instant notBefore, Instant notAfter) {
        IssuedCertificate issued =
                pki.issue(Subject.person(fullName(username), unitName), KeyAlgorithm.EC_P256, notBefore, notAfter);
        return certificates.enrolPersonal(personId(username), unitId, issued);
    }

    /**
     * A personal certificate valid now for the official, registered with CongVan, and its key for
     * the test to sign with as the official's token would.
     */
    IssuedCertificate personalKeptByTheSigner(String username, UUID unitId, String unitName) {
        IssuedCertificate issued = pki.person(fullName(username), unitName);
        UUID personId = personId(username);
        certificates.register(
                CertificateKind.PERSONAL, personId, unitId, issued.certificate(), KeyMedium.USB_TOKEN, null, personId);
        return issued;
    }

    /** The unit's organization certificate valid now, registered by its clerk, and its key for the test to sign with. */
    IssuedCertificate organizationKeptByTheClerk(UUID unitId, String unitName, String clerk) {
        IssuedCertificate issued = pki.organization(unitName);
        certificates.register(
                CertificateKind.ORGANIZATION,
                null,
                unitId,
                issued.certificate(),
                KeyMedium.USB_TOKEN,
                null,
                personId(clerk));
        return issued;
    }

    /** The unit's organization certificate valid now. */
    public SigningCertificate organization(UUID unitId, String unitName) {
        return certificates.enrolOrganization(unitId, pki.organization(unitName, KeyAlgorithm.EC_P256));
    }
}
