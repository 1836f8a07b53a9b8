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
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.congvan.signing.pki.IssuedCertificate;

/**
 * The certificate register: every certificate CongVan accepts signatures by, mapped to its holder
 * (a person of a unit, or the unit), whether the server holds its key or the holder does.
 */
@Component
public class SigningCertificates {

    private static final String COLUMNS = "id, kind, person_id, unit_id, subject, issuer, serial_number, sha256, "
            + "not_before, not_after, key_store, certificate, medium, remote_credential";

    private static final String SERVER_HELD = " and key_store is not null";

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

    /**
     * Enrols a certificate whose key the HSM holds under {@code alias} (a key pair generated in the
     * token, with the certificate stored beside it); {@code personId} is null for a unit's certificate.
     */
    public SigningCertificate enrolHsm(
            CertificateKind kind,
            @Nullable UUID personId,
            UUID unitId,
            X509Certificate certificate,
            String alias,
            UUID enrolledBy) {
        String location = keyStores.locateInHsm(alias, certificate);
        return insert(
                UUID.randomUUID(), kind, personId, unitId, certificate, location, KeyMedium.HSM, null, enrolledBy);
    }

    /**
     * Registers a certificate whose key its holder keeps (a USB token, a PKI SIM, a remote signing
     * service under {@code remoteCredential}); {@code personId} is null for a unit's certificate.
     */
    public SigningCertificate register(
            CertificateKind kind,
            @Nullable UUID personId,
            UUID unitId,
            X509Certificate certificate,
            KeyMedium medium,
            @Nullable String remoteCredential,
            UUID registeredBy) {
        if (medium.heldByServer()) {
            throw new IllegalArgumentException("A key the server holds is enrolled with its key store");
        }
        return insert(
                UUID.randomUUID(), kind, personId, unitId, certificate, null, medium, remoteCredential, registeredBy);
    }

    /** The person's certificate the server signs with: the one valid now, else the last to expire. */
    public Optional<SigningCertificate> personalOf(UUID personId) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("select " + COLUMNS + " from signing_certificate where person_id = ?" + SERVER_HELD
                        + NEWEST_FIRST)
                .params(personId, now, now)
                .query(SigningCertificates::row)
                .optional();
    }

    /** The unit's organization certificate the server signs with: the one valid now, else the last to expire. */
    public Optional<SigningCertificate> organizationOf(UUID unitId) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("select " + COLUMNS + " from signing_certificate where unit_id = ? and kind = 'ORGANIZATION'"
                        + SERVER_HELD + NEWEST_FIRST)
                .params(unitId, now, now)
                .query(SigningCertificates::row)
                .optional();
    }

    /**
     * The registered certificate with this thumbprint, provided it is the person's own (a personal
     * one) or the unit's (an organization one).
     */
    public Optional<SigningCertificate> registeredTo(CertificateKind kind, UUID holderId, String sha256) {
        String holder = kind == CertificateKind.PERSONAL ? "person_id" : "unit_id";
        return jdbc.sql("select " + COLUMNS + " from signing_certificate where sha256 = ? and kind = ? and " + holder
                        + " = ?")
                .params(sha256.toLowerCase(Locale.ROOT), kind.name(), holderId)
                .query(SigningCertificates::row)
                .optional();
    }

    /** A person's registered certificates, or a unit's organization certificates, the newest first. */
    public List<SigningCertificate> registeredFor(CertificateKind kind, UUID holderId) {
        String holder = kind == CertificateKind.PERSONAL ? "person_id" : "unit_id";
        return jdbc.sql("select " + COLUMNS + " from signing_certificate where kind = ? and " + holder
                        + " = ? order by not_after desc")
                .params(kind.name(), holderId)
                .query(SigningCertificates::row)
                .list();
    }

    public Optional<SigningCertificate> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from signing_certificate where id = ?")
                .param(id)
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

    public boolean isRegistered(String sha256) {
        return jdbc.sql("select exists (select 1 from signing_certificate where sha256 = ?)")
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
        String location = keyStores.keep(id, issued);
        return insert(id, kind, personId, unitId, issued.certificate(), location, KeyMedium.SERVER, null, null);
    }

    private SigningCertificate insert(
            UUID id,
            CertificateKind kind,
            @Nullable UUID personId,
            UUID unitId,
            X509Certificate certificate,
            @Nullable String location,
            KeyMedium medium,
            @Nullable String remoteCredential,
            @Nullable UUID registeredBy) {
        byte[] encoded = encoded(certificate);
        SigningCertificate kept = new SigningCertificate(
                id,
                kind,
                personId,
                unitId,
                certificate.getSubjectX500Principal().getName(),
                certificate.getIssuerX500Principal().getName(),
                serialNumber(certificate),
                sha256(encoded),
                certificate.getNotBefore().toInstant(),
                certificate.getNotAfter().toInstant(),
                location,
                encoded,
                medium,
                remoteCredential);
        jdbc.sql("insert into signing_certificate (" + COLUMNS + ", created_at, registered_by) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        kept.id(),
                        kind.name(),
                        personId,
                        unitId,
                        kept.subject(),
                        kept.issuer(),
                        kept.serialNumber(),
                        kept.sha256(),
                        Timestamp.from(kept.notBefore()),
                        Timestamp.from(kept.notAfter()),
                        location,
                        encoded,
                        medium.name(),
                        remoteCredential,
                        Timestamp.from(clock.instant()),
                        registeredBy)
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
                rs.getBytes("certificate"),
                KeyMedium.valueOf(rs.getString("medium")),
                rs.getString("remote_credential"));
    }
}
