package vn.congvan.registry.demo;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import vn.congvan.directory.DemoDirectorySeeded;
import vn.congvan.directory.DemoProvince;
import vn.congvan.directory.Directory;
import vn.congvan.directory.UnitKind;
import vn.congvan.directory.UnitView;
import vn.congvan.platform.CongVanProperties;
import vn.congvan.platform.Preparations;
import vn.congvan.registry.Confidentiality;
import vn.congvan.registry.DocumentMetadata;
import vn.congvan.registry.DocumentView;
import vn.congvan.registry.IncomingMetadata;
import vn.congvan.registry.OutgoingMetadata;
import vn.congvan.registry.document.DocumentRegistration;
import vn.congvan.registry.document.UploadedFile;
import vn.congvan.shared.Official;
import vn.congvan.shared.VietnamTime;

/**
 * Gives the demo province a year of correspondence once its directory exists: documents issued
 * by the committee, its office, agencies and districts over the last twelve months, oldest first,
 * each registered on arrival by its recipients' clerks, through the same registration as a clerk's.
 */
@Component
class DemoDocuments {

    static final int ISSUED = 160;
    static final String PREPARATION = "demo-documents";
    private static final Logger log = LoggerFactory.getLogger(DemoDocuments.class);

    private final DocumentRegistration registration;
    private final Directory directory;
    private final UserDetailsService officials;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Preparations preparations;
    private final TaskExecutor executor;
    private final boolean wanted;

    DemoDocuments(
            DocumentRegistration registration,
            Directory directory,
            UserDetailsService officials,
            JdbcClient jdbc,
            Clock clock,
            Preparations preparations,
            CongVanProperties properties,
            @Qualifier("applicationTaskExecutor") TaskExecutor executor) {
        this.wanted = properties.demo().withDocuments();
        this.preparations = preparations;
        this.executor = executor;
        this.registration = registration;
        this.directory = directory;
        this.officials = officials;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Made in the background, each registration committing on its own; until the year is made the
     * installation is preparing (not ready, refusing changes), marked before the start is over, so
     * that nothing registered meanwhile takes a number before the demo's older documents.
     */
    @TransactionalEventListener
    void on(DemoDirectorySeeded seeded) {
        if (!wanted) {
            log.info("The demo province starts with empty registers (congvan.demo.documents=false)");
            return;
        }
        if (alreadySeeded()) {
            return;
        }
        preparations.started(PREPARATION);
        executor.execute(() -> {
            try {
                seed();
            } catch (RuntimeException e) {
                log.error("The demo documents could not be made; CongVan takes changes without them", e);
            } finally {
                preparations.finished(PREPARATION);
            }
        });
    }

    private void seed() {
        long started = System.nanoTime();
        Random random = new Random(2026);
        List<DemoProvince.Unit> issuers = DemoProvince.units().stream()
                .filter(u -> u.validTo() == null)
                .filter(u -> u.kind() != UnitKind.COMMUNE && u.kind() != UnitKind.WARD && u.kind() != UnitKind.TOWNSHIP)
                .toList();
        List<DemoProvince.Unit> everyone =
                DemoProvince.units().stream().filter(u -> u.validTo() == null).toList();
        LocalDate today = LocalDate.now(clock.withZone(VietnamTime.ZONE));
        LocalDate first = today.minusMonths(12).plusDays(1);
        Map<String, Official> clerks = new HashMap<>();
        int arrivals = 0;
        for (int i = 0; i < ISSUED; i++) {
            LocalDate day = first.plusDays((long) i * (today.toEpochDay() - first.toEpochDay()) / ISSUED);
            DemoProvince.Unit issuer = issuers.get(random.nextInt(issuers.size()));
            DemoLetter letter = DemoLetter.pick(random, issuer);
            List<DemoProvince.Unit> recipients = recipients(random, issuer, everyone);
            byte[] pdf = letter.pdf(issuer, day);
            UnitView issuingUnit = unit(issuer);
            OutgoingMetadata outgoing = new OutgoingMetadata(
                    issuingUnit.id(),
                    letter.type().name(),
                    null,
                    letter.subject(),
                    letter.authority(),
                    letter.position(issuer),
                    null,
                    random.nextInt(10) == 0 ? 1 : 0,
                    0,
                    null,
                    null,
                    null,
                    "vi",
                    null,
                    recipients.size() + 1,
                    recipients.stream()
                            .map(r -> new OutgoingMetadata.Recipient(unit(r).id(), null, null))
                            .toList(),
                    false,
                    null);
            DocumentView issued =
                    registration.createOutgoing(outgoing, file(pdf), List.of(), clerk(clerks, issuer), day);
            for (DemoProvince.Unit recipient : recipients) {
                LocalDate arrival = day.plusDays(random.nextInt(2));
                if (arrival.isAfter(today)) {
                    arrival = today;
                }
                DocumentMetadata sent = issued.metadata();
                DocumentMetadata described = new DocumentMetadata(
                        sent.typeName(),
                        sent.codeNumber(),
                        sent.codeNotation(),
                        sent.issuedDate(),
                        sent.organId(),
                        sent.organName(),
                        sent.subject(),
                        "vi",
                        null,
                        null,
                        new DocumentMetadata.Signer(
                                sent.signer().authority(), sent.signer().position(), null),
                        sent.priority(),
                        Confidentiality.NONE,
                        null,
                        letter.dueAfter(arrival),
                        null);
                IncomingMetadata incoming = IncomingMetadata.of(
                        unit(recipient).id(),
                        described,
                        arrival.atTime(OffsetTime.of(
                                8 + random.nextInt(9),
                                random.nextInt(60),
                                0,
                                0,
                                VietnamTime.ZONE.getRules().getOffset(arrival.atStartOfDay()))),
                        issued.documentId(),
                        false,
                        false,
                        null);
                registration.registerIncoming(incoming, file(pdf), List.of(), clerk(clerks, recipient));
                arrivals++;
            }
        }
        log.info(
                "Seeded the demo documents: {} issued, {} arrivals in {} ms",
                ISSUED,
                arrivals,
                (System.nanoTime() - started) / 1_000_000);
    }

    private boolean alreadySeeded() {
        UUID office = unit(DemoProvince.unit(DemoProvince.OFFICE)).id();
        return jdbc.sql("select count(*) from document where unit_id = ?")
                        .param(office)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private static List<DemoProvince.Unit> recipients(
            Random random, DemoProvince.Unit issuer, List<DemoProvince.Unit> everyone) {
        List<DemoProvince.Unit> chosen = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        while (chosen.size() < count) {
            DemoProvince.Unit candidate = everyone.get(random.nextInt(everyone.size()));
            if (!candidate.key().equals(issuer.key()) && !chosen.contains(candidate)) {
                chosen.add(candidate);
            }
        }
        return chosen;
    }

    private UnitView unit(DemoProvince.Unit unit) {
        return directory.findUnitByCode(unit.legacyCode()).orElseThrow();
    }

    private Official clerk(Map<String, Official> clerks, DemoProvince.Unit unit) {
        return clerks.computeIfAbsent(
                unit.key(), key -> (Official) officials.loadUserByUsername(DemoProvince.clerkOf(key)));
    }

    private static UploadedFile file(byte[] pdf) {
        return new UploadedFile("van-ban.pdf", "application/pdf", pdf.length, () -> new ByteArrayInputStream(pdf));
    }
}
