package vn.congvan.signing.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.task.TaskExecutor;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.congvan.audit.AuditEntry;
import vn.congvan.audit.AuditTrail;
import vn.congvan.directory.DemoDirectorySeeded;
import vn.congvan.directory.DemoProvince;
import vn.congvan.directory.Directory;
import vn.congvan.directory.PersonView;
import vn.congvan.directory.UnitView;
import vn.congvan.platform.ClusterJobs;
import vn.congvan.signing.SigningAuditAction;
import vn.congvan.signing.keys.KeyStores;
import vn.congvan.signing.keys.SigningCertificate;
import vn.congvan.signing.keys.SigningCertificates;
import vn.congvan.signing.pki.CertificateAuthority;
import vn.congvan.signing.pki.KeyAlgorithm;
import vn.congvan.signing.pki.Subject;

/**
 * Gives every demo unit an organization certificate and every demo person a personal one, from
 * the demo authority, their keys in key stores under the data directory: once the demo directory
 * is seeded, and again on a start that finds holders whose key store this data directory lacks
 * (a new data directory on an old database). Each unit and its people are issued in a transaction
 * of their own, nodes taking turns (a cluster job).
 */
@Component
@Order(10)
class DemoCertificates implements ApplicationRunner {

    private static final Duration VALIDITY = Duration.ofDays(2 * 365);
    private static final Logger log = LoggerFactory.getLogger(DemoCertificates.class);

    private final DemoCertificateAuthority authority;
    private final SigningCertificates certificates;
    private final KeyStores keyStores;
    private final Directory directory;
    private final AuditTrail audit;
    private final ClusterJobs jobs;
    private final TransactionTemplate transaction;
    private final TaskExecutor executor;

    DemoCertificates(
            DemoCertificateAuthority authority,
            SigningCertificates certificates,
            KeyStores keyStores,
            Directory directory,
            AuditTrail audit,
            ClusterJobs jobs,
            PlatformTransactionManager transactions,
            @Qualifier("applicationTaskExecutor") TaskExecutor executor) {
        this.authority = authority;
        this.certificates = certificates;
        this.keyStores = keyStores;
        this.directory = directory;
        this.audit = audit;
        this.jobs = jobs;
        // Each unit in a transaction of its own even when called inside one (the event listener's):
        // joined, the first unit's audit record would hold the chain lock, and with it every audited
        // change of the installation, until the last unit's keys were made.
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.executor = executor;
    }

    @ApplicationModuleListener
    void on(DemoDirectorySeeded seeded) {
        issueMissing();
    }

    /** On a start of a demo installation whose directory was seeded before, in the background. */
    @Override
    public void run(ApplicationArguments args) {
        String office = DemoProvince.unit(DemoProvince.OFFICE).legacyCode();
        if (authority.enabled() && directory.findUnitByCode(office).isPresent()) {
            executor.execute(this::issueMissing);
        }
    }

    /** Issues what is missing, unit by unit, each unit and its people in a transaction of their own. */
    synchronized void issueMissing() {
        long started = System.nanoTime();
        CertificateAuthority issuing = authority.issuing();
        int units = 0;
        int people = 0;
        for (DemoProvince.Unit demo : DemoProvince.units()) {
            if (demo.validTo() != null) {
                continue;
            }
            Optional<UnitView> unit = directory.findUnitByCode(demo.legacyCode());
            if (unit.isPresent()) {
                int[] issued = new int[2];
                transaction.executeWithoutResult(status -> jobs.runInTurn(
                        SigningJob.DEMO_CERTIFICATES, () -> issueMissing(issuing, demo, unit.get(), issued)));
                units += issued[0];
                people += issued[1];
            }
        }
        if (units + people > 0) {
            log.info(
                    "Issued demo certificates to {} units and {} people in {} ms",
                    units,
                    people,
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    /**
     * The unit's organization certificate and its people's personal ones, when missing; audited.
     * Counts them in {@code issued} (organization, personal).
     */
    private void issueMissing(CertificateAuthority issuing, DemoProvince.Unit demo, UnitView unit, int[] issued) {
        Instant now = Instant.now();
        if (!usable(certificates.organizationOf(unit.id()), now)) {
            certificates.enrolOrganization(
                    unit.id(),
                    issuing.issue(
                            Subject.organization(unit.name()),
                            KeyAlgorithm.EC_P256,
                            now.minusSeconds(3600),
                            now.plus(VALIDITY)));
            issued[0]++;
        }
        for (DemoProvince.Account account : DemoProvince.accounts()) {
            if (!account.unitKey().equals(demo.key())) {
                continue;
            }
            Optional<PersonView> person = directory.findPersonByUsername(account.username());
            if (person.isPresent()
                    && !usable(certificates.personalOf(person.get().id()), now)) {
                certificates.enrolPersonal(
                        person.get().id(),
                        unit.id(),
                        issuing.issue(
                                Subject.person(person.get().fullName(), unit.name()),
                                KeyAlgorithm.EC_P256,
                                now.minusSeconds(3600),
                                now.plus(VALIDITY)));
                issued[1]++;
            }
        }
        if (issued[0] + issued[1] > 0) {
            audit.record(new AuditEntry(
                    SigningAuditAction.DEMO_CERTIFICATES_ISSUED,
                    "unit",
                    unit.id().toString(),
                    unit.id(),
                    null,
                    "CongVan",
                    Map.of(
                            "issuer", issuing.name(),
                            "organization", Integer.toString(issued[0]),
                            "personal", Integer.toString(issued[1]))));
        }
    }

    /** A certificate this installation can sign with: valid now, its key store in this data directory. */
    private boolean usable(Optional<SigningCertificate> certificate, Instant now) {
        return certificate.isPresent()
                && !certificate.get().expiredAt(now)
                && certificate.get().keyStore() != null
                && keyStores.exists(certificate.get().keyStore());
    }
}
