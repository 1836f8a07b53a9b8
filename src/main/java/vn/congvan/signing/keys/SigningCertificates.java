package vn.congvan.signing.keys;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.congvan.signing.pki.IssuedCertificate;

/** The certificates whose keys the server holds, each mapped to its holder: a person of a unit, or the unit. */
@Component
public class SigningCertificates {

    private static final String COLUMNS = "id, kind, person_id, unit_id, subject, issuer, serial_number, sha256, "
            + "not_before, not_after, key_store, certificate";

    /** Among a holder's certificates, the one valid now, else the one that expires last. */
    private static final String NEWEST_FIRST =
            " order by (not_before <= ? and not_after > ?) desc, not_after desc limit 1";

    private final JdbcClient jdbc;
    private final KeyStores keyStores;
    private final Clock clock;

    SigningCertificates(JdbcClient jdbc, KeyStores keyStores, Clock clock) {
        this.jdbc = jdbc;
        this.keyStores = keyStores;
        this.clock = clock;
    }

    /** Keeps a person's certificate and key, for signatures in the name of the person. */
    public SigningCertificate enrolPersonal(UUID personId, UUID unitId, IssuedCertificate issued) {
        return enrol(CertificateKind.PERSONAL, personId, unitId, issued);
    }

    /** Keeps a unit's certificate and key, for the unit's organization signature. */
    public SigningCertificate enrolOrganization(UUID unitId, IssuedCertificate issued) {
        return enrol(CertificateKind.ORGANIZATION, null, unitId, issued);
    }

    /** The person's certificate to sign with: the one valid now, else the last to expire. */
    public Optional<SigningCertificate> personalOf(UUID personId) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("select " + COLUMNS + " from signing_certificate where person_id = ?" + NEWEST_FIRST)
                .params(personId, now, now)
                .query(SigningCertificates::row)
                .optional();
    }

    /** The unit's organization certificate to sign with: the one valid now, else the last to expire. */
    public Optional<SigningCertificate> organizationOf(UUID unitId) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("select " + COLUMNS + " from signing_certificate where unit_id = ? and kind = 'ORGANIZATION'"
                        + NEWEST_FIRST)
                .params(unitId, now, now)
                .query(SigningCertificates::row)
                .optional();
    }

    /** Whether the certificate with this SHA-256 thumbprint is one of the units' organization certificates. */
    public boolean isOrganizationCertificate(String sha256) {
        return jdbc.sql("select exists (select 1 from signing_certificate where sha256 = ? and kind = 'ORGANIZATION')")
                .param(sha256.toLowerCase(Locale.ROOT))
                .query(Boolean.class)
                .single();
    }

    public boolean hasPersonal(UUID personId) {
        return jdbc.sql("select exists (select 1 from signing_certificate where person_id = ?)")
                .param(personId)
                .query(Boolean.class)
                .single();
    }

    public boolean hasOrganization(UUID unitId) {
        return jdbc.sql("select exists (select 1 from signing_certificate where unit_id = ? and kind = 'ORGANIZATION')")
                .param(unitId)
                .query(Boolean.class)
                .single();
    }

    private SigningCertificate enrol(
            CertificateKind kind, @Nullable UUID personId, UUID unitId, IssuedCertificate issued) {
        UUID id = UUID.randomUUID();
        X509Certificate certificate = issued.certificate();
        byte[] encoded = encoded(certificate);
        String location = keyStores.keep(id, issued);
        SigningCertificate kept = new SigningCertificate(id, kind, personId, unitId,
                certificate.getSubjectX500Principal().getName(),
                certificate.getIssuerX500Principal().getName(),
                serialNumber(certificate),
                sha256(encoded),
                certificate.getNotBefore().toInstant(),
                certificate.getNotAfter().toInstant(),
                location,
                encoded);
        jdbc.sql("insert into signing_certificate (" + COLUMNS + ", created_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(kept.id(), kind.name(), personId, unitId, kept.subject(), kept.issuer(), kept.serialNumber(),
                        kept.sha256(), Timestamp.from(kept.notBefore()), Timestamp.from(kept.notAfter()),
                        location, encoded, Timestamp.from(clock.instant()))
                .update();
        return kept;
    }

    /** A certificate's serial number as certificate authorities print it: upper-case hex. */
    public static String serialNumber(X509Certificate certificate) {
        return certificate.getSerialNumber().toString(16).toUpperCase(Locale.ROOT);
    }

    public static String sha256(byte[] encoded) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(encoded));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("The certificate cannot be encoded", e);
        }
    }

    private static SigningCertificate row(ResultSet rs, int n) throws SQLException {
        return new SigningCertificate(
                rs.getObject("id", UUID.class),
                CertificateKind.valueOf(rs.getString("kind")),
                rs.getObject("person_id", UUID.class),
                rs.getObject("unit_id", UUID.class),
                rs.getString("subject"),
                rs.getString("issuer"),
                rs.getString("serial_number"),
                rs.getString("sha256"),
                rs.getTimestamp("not_before").toInstant(),
                rs.getTimestamp("not_after").toInstant(),
                rs.getString("key_store"),
                rs.getBytes("certificate"));
    }
}
