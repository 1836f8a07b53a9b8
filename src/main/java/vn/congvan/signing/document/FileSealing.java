package vn.congvan.signing.document;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.congvan.audit.AuditEntry;
import vn.congvan.audit.AuditTrail;
import vn.congvan.directory.Directory;
import vn.congvan.directory.UnitView;
import vn.congvan.shared.DomainException;
import vn.congvan.signing.SigningAuditAction;
import vn.congvan.signing.SigningRefusals;
import vn.congvan.signing.keys.KeyStores;
import vn.congvan.signing.keys.ServerKey;
import vn.congvan.signing.keys.SigningCertificate;
import vn.congvan.signing.keys.SigningCertificates;
import vn.congvan.signing.pades.PadesSigner;
import vn.congvan.signing.pades.SignatureDictionary;
import vn.congvan.signing.pades.VisibleSignature;

/**
 * The organization signature of a unit on a PDF the installation wrote itself (a report), not on a
 * registered document: with the unit's server-held key, top right of page 1 with the unit's name
 * and the signing time, as the decree shows signatures without an image. The key's use is audited
 * on the report, in a transaction of its own once the PDF is signed.
 */
@Service
public class FileSealing {

    private final SigningCertificates certificates;
    private final KeyStores keyStores;
    private final SigningRules rules;
    private final PadesSigner signer;
    private final Directory directory;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final Clock clock;

    FileSealing(
            SigningCertificates certificates,
            KeyStores keyStores,
            SigningRules rules,
            PadesSigner signer,
            Directory directory,
            AuditTrail audit,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.certificates = certificates;
        this.keyStores = keyStores;
        this.rules = rules;
        this.signer = signer;
        this.directory = directory;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Writes the sealed PDF to {@code target}; refused when the server holds no key of the unit. */
    public void seal(UUID unitId, Path pdf, Path target, String reason, String subjectType, String subjectId) {
        UnitView unit = directory.unit(unitId);
        SigningCertificate certificate = certificates
                .organizationOf(unitId)
                .orElseThrow(() -> DomainException.conflict(SigningRefusals.NO_UNIT_CERTIFICATE));
        Instant signingTime = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        try (ServerKey key = keyStores.open(certificate)) {
            rules.requireNotRevoked(certificate, key.key());
            VisibleSignature appearance = new VisibleSignature(
                    1, 28, 28, true, 0, 0, null, unit.name() + "\n" + VisibleSignature.iso(signingTime), 10);
            signer.sign(
                    pdf,
                    key.token(),
                    key.key(),
                    appearance,
                    new SignatureDictionary(certificate.commonName(), reason, unit.name(), signingTime),
                    target);
        }
        transaction.executeWithoutResult(status -> audit.record(new AuditEntry(
                SigningAuditAction.FILE_SEALED,
                subjectType,
                subjectId,
                unitId,
                null,
                "CongVan",
                Map.of(
                        "certificate", certificate.serialNumber(),
                        "certificateSha256", certificate.sha256(),
                        "medium", certificate.medium().name(),
                        "reason", reason,
                        "signingTime", VisibleSignature.iso(signingTime)))));
    }
}
