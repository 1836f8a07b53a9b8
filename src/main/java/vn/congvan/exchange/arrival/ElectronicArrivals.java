package vn.congvan.exchange.arrival;

import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.congvan.audit.AuditEntry;
import vn.congvan.audit.AuditTrail;
import vn.congvan.directory.Directory;
import vn.congvan.directory.PersonView;
import vn.congvan.directory.UnitView;
import vn.congvan.exchange.ExchangeAuditAction;
import vn.congvan.exchange.axis.AxisPackageKind;
import vn.congvan.exchange.axis.AxisPackageReceived;
import vn.congvan.exchange.edxml.BusinessDocType;
import vn.congvan.exchange.edxml.Edxml;
import vn.congvan.exchange.edxml.EdxmlAttachment;
import vn.congvan.exchange.edxml.EdxmlDocument;
import vn.congvan.exchange.edxml.EdxmlPackage;
import vn.congvan.exchange.edxml.MessageHeader;
import vn.congvan.exchange.edxml.Organisation;
import vn.congvan.exchange.outside.ReceivedStatuses;
import vn.congvan.exchange.outside.StatusReports;
import vn.congvan.handling.IncomingCaseChanged;
import vn.congvan.notification.Notice;
import vn.congvan.notification.Notifications;
import vn.congvan.platform.WaitingArrival;
import vn.congvan.registry.DocumentView;
import vn.congvan.registry.Registrations;
import vn.congvan.registry.RegistryRefusals;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.Official;
import vn.congvan.shared.Role;
import vn.congvan.signing.PdfSignatures;
import vn.congvan.signing.ValidationReport;
import vn.congvan.storage.Blobs;

/**
 * The trays of documents received over the axis. Each package addressed to a unit of the
 * installation arrives once (by its DocumentId), its PDF signatures validated, and its sender is
 * told (01); the unit's clerk registers it (03) or refuses it with a reason (02), and the
 * handling of the registered copy follows back (04, 05, 06). A revoke package from the sender
 * withdraws an unregistered arrival (15) or asks the clerk, who accepts (15) or refuses (16).
 */
@Service
public class ElectronicArrivals {

    private static final Logger log = LoggerFactory.getLogger(ElectronicArrivals.class);
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final ElectronicArrivalRecords arrivals;
    private final Edxml edxml;
    private final Blobs blobs;
    private final Directory directory;
    private final PdfSignatures signatures;
    private final PackageImport imports;
    private final Registrations registrations;
    private final StatusReports statuses;
    private final ReceivedStatuses receivedStatuses;
    private final Notifications notifications;
    private final AuditTrail audit;
    private final Clock clock;

    ElectronicArrivals(
            ElectronicArrivalRecords arrivals,
            Edxml edxml,
            Blobs blobs,
            Directory directory,
            PdfSignatures signatures,
            PackageImport imports,
            Registrations registrations,
            StatusReports statuses,
            ReceivedStatuses receivedStatuses,
            Notifications notifications,
            AuditTrail audit,
            Clock clock) {
        this.arrivals = arrivals;
        this.edxml = edxml;
        this.blobs = blobs;
        this.directory = directory;
        this.signatures = signatures;
        this.imports = imports;
        this.registrations = registrations;
        this.statuses = statuses;
        this.receivedStatuses = receivedStatuses;
        this.notifications = notifications;
        this.audit = audit;
        this.clock = clock;
    }

    /** A package the poller stored: a document arrives in its recipients' trays, a status is applied. */
    @ApplicationModuleListener
    void on(AxisPackageReceived received) {
        try (InputStream in = blobs.open(received.sha256());
                EdxmlPackage p = edxml.read(in)) {
            if (received.kind() == AxisPackageKind.STATUS || p.status() != null) {
                if (p.status() != null) {
                    receivedStatuses.apply(p.status(), received.inboxId());
                }
                return;
            }
            receive(p, received.inboxId(), received.sha256(), received.size());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (DomainException e) {
            log.warn("Package {} from {} could not be read: {}", received.hubId(), received.fromOrganId(), e.code());
        }
    }

    /** Puts a received document package into the trays of the units it is addressed to; answers the new arrivals. */
    List<UUID> receive(EdxmlPackage p, @Nullable UUID inboxId, String sha256, long size) {
        EdxmlDocument document = p.document();
        if (document == null) {
            return List.of();
        }
        MessageHeader h = document.header();
        BusinessDocType type = document.business() == null
                ? BusinessDocType.NEW
                : document.business().docType();
        if (type == BusinessDocType.REVOKE) {
            revocationReceived(
                    h,
                    Objects.requireNonNull(document.business(), "a revocation is one")
                            .docReason());
            return List.of();
        }
        List<UnitView> units = new ArrayList<>();
        for (Organisation to : h.to()) {
            directory
                    .findUnitByCode(to.organId())
                    .filter(u -> !units.contains(u))
                    .ifPresent(units::add);
        }
        if (units.isEmpty()) {
            log.warn("Package {} is addressed to no unit of this installation", h.documentId());
            if (inboxId != null) {
                arrivals.addressedToNoUnit(
                        inboxId, h.to().stream().map(Organisation::organId).toList());
            }
            return List.of();
        }
        List<ElectronicArrival.Warning> warnings = warnings(p, null);
        List<UUID> arrived = new ArrayList<>();
        for (UnitView unit : units) {
            arriveFor(unit, p, inboxId, sha256, size, warnings).ifPresent(arrived::add);
        }
        return arrived;
    }

    /** What an arrival of the package must warn the clerk of; {@code unit} is the one it is imported for, if any. */
    private static List<ElectronicArrival.Warning> warnings(EdxmlPackage p, @Nullable UnitView unit) {
        List<ElectronicArrival.Warning> warnings = new ArrayList<>();
        if (p.attachments().stream().noneMatch(EdxmlAttachment::pdf)) {
            warnings.add(new ElectronicArrival.Warning(ElectronicArrival.Warning.NO_SIGNED_PDF, ""));
        }
        java.util.Set<String> present = new java.util.HashSet<>();
        p.attachments().forEach(a -> present.add(a.contentId()));
        for (vn.congvan.exchange.edxml.Reference named : document(p).manifest()) {
            if (!present.contains(named.contentId())) {
                warnings.add(new ElectronicArrival.Warning(
                        ElectronicArrival.Warning.MISSING_ATTACHMENT,
                        named.attachmentName().isBlank() ? named.contentId() : named.attachmentName()));
            }
        }
        List<String> to =
                document(p).header().to().stream().map(Organisation::organId).toList();
        if (unit != null && !to.isEmpty() && !to.contains(unit.organId())) {
            warnings.add(new ElectronicArrival.Warning(ElectronicArrival.Warning.OTHER_ORGAN, String.join(", ", to)));
        }
        return warnings;
    }

    /** The outcome of a package the clerk imported: registered, applied as a status, or put in the tray. */
    public record Imported(
            @Nullable DocumentView document,
            boolean status,
            @Nullable ElectronicArrival arrival) {}

    /** Where an imported package's bytes are read from, as often as needed. */
    @FunctionalInterface
    public interface Source {
        InputStream open() throws java.io.IOException;
    }

    /**
     * The unit's clerk imports a package received outside the axis: a status is applied, a document
     * registered; a document the clerk must look at first (no signed PDF, a file its manifest names
     * missing, addressed to another organ) is not lost but put in the unit's tray with its warnings.
     */
    @Transactional
    public Imported importPackage(Official clerk, UUID unitId, Source source, boolean confirmDuplicate) {
        if (!clerk.holds(Role.CLERK, unitId)) {
            throw DomainException.forbidden(RegistryRefusals.CLERK_ONLY);
        }
        UnitView unit = directory.unit(unitId);
        try {
            try (InputStream in = source.open();
                    EdxmlPackage p = edxml.read(in)) {
                boolean document = p.document() != null
                        && (p.document().business() == null
                                || p.document().business().docType() != BusinessDocType.REVOKE);
                List<ElectronicArrival.Warning> warnings = document ? warnings(p, unit) : List.of();
                if (!warnings.isEmpty()) {
                    vn.congvan.storage.StoredBlob blob;
                    try (InputStream again = source.open()) {
                        blob = blobs.store(again);
                    }
                    UUID id = arriveFor(unit, p, null, blob.sha256(), blob.size(), warnings)
                            .orElseThrow(() -> DomainException.conflict(
                                    "exchange.arrival.already-arrived",
                                    document(p).header().documentId()));
                    return new Imported(null, false, arrivals.find(id).orElseThrow());
                }
            }
            try (InputStream in = source.open()) {
                PackageImport.Imported imported = imports.importPackage(clerk, unitId, in, confirmDuplicate);
                return new Imported(imported.document(), imported.status(), null);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private java.util.Optional<UUID> arriveFor(
            UnitView unit,
            EdxmlPackage p,
            @Nullable UUID inboxId,
            String sha256,
            long size,
            List<ElectronicArrival.Warning> warnings) {
        MessageHeader h = document(p).header();
        Verdict verdict = verdict(p);
        return arrivals.arrive(
                        unit.id(),
                        inboxId,
                        sha256,
                        size,
                        h,
                        verdict.verdict(),
                        verdict.detail(),
                        warnings,
                        clock.instant())
                .map(id -> {
                    ElectronicArrival a = arrivals.find(id).orElseThrow();
                    report(a, unit, "01", "Đã đến", null);
                    audit.record(new AuditEntry(
                            ExchangeAuditAction.ARRIVED,
                            "electronic-arrival",
                            id.toString(),
                            unit.id(),
                            null,
                            a.fromOrganName(),
                            Map.of(
                                    "documentId",
                                    a.documentId(),
                                    "signatures",
                                    a.signatureVerdict(),
                                    "warnings",
                                    String.join(
                                            ",",
                                            a.warnings().stream()
                                                    .map(ElectronicArrival.Warning::code)
                                                    .toList()))));
                    tellClerks(
                            unit.id(),
                            id,
                            a.flagged() ? "exchange.notice.arrived-flagged" : "exchange.notice.arrived",
                            a.subject(),
                            a.urgent());
                    return id;
                });
    }

    /** What waits in the trays of the units where the official is a clerk. */
    @Transactional(readOnly = true)
    public List<ElectronicArrival> tray(Official clerk) {
        UUID[] units = clerk.unitsWhere(Role.CLERK).toArray(new UUID[0]);
        return units.length == 0 ? List.of() : arrivals.waitingFor(units);
    }

    /** Everything the unit received electronically, the latest first, for its clerk. */
    @Transactional(readOnly = true)
    public List<ElectronicArrival> ofUnit(Official clerk, UUID unitId, int limit) {
        if (!clerk.holds(Role.CLERK, unitId) && !clerk.isAdministrator()) {
            throw DomainException.forbidden(RegistryRefusals.CLERK_ONLY);
        }
        return arrivals.ofUnit(unitId, Math.min(Math.max(limit, 1), 500));
    }

    @Transactional(readOnly = true)
    public ElectronicArrival find(Official clerk, UUID id) {
        return visible(clerk, id);
    }

    /** The package of an arrival, for its clerk to read before deciding. */
    public <T> T withPackage(Official clerk, UUID id, java.util.function.Function<EdxmlPackage, T> reader) {
        ElectronicArrival a = visible(clerk, id);
        try (InputStream in = blobs.open(packageOf(a));
                EdxmlPackage p = edxml.read(in)) {
            return reader.apply(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The clerk registers the arrival as an incoming document: the sender is told 03. An arrival
     * without PDF is registered as such: its files kept as they came, marked as having no signed PDF.
     */
    @Transactional
    public DocumentView register(Official clerk, UUID id, boolean confirmDuplicate) {
        ElectronicArrival a = locked(clerk, id, "ARRIVED");
        DocumentView incoming;
        try (InputStream in = blobs.open(packageOf(a))) {
            incoming = imports.register(clerk, a.unitId(), in, confirmDuplicate, a.withoutPdf());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        arrivals.registered(id, incoming.id(), clock.instant());
        notifications.settleForEveryone(WaitingArrival.linkTo(id));
        report(a, directory.unit(a.unitId()), "03", "Đã vào sổ đến số " + incoming.arrivalNumber(), clerk);
        audit.record(AuditEntry.by(
                clerk,
                ExchangeAuditAction.ARRIVAL_REGISTERED,
                "electronic-arrival",
                id.toString(),
                a.unitId(),
                Map.of(
                        "arrivalNumber",
                        String.valueOf(incoming.arrivalNumber()),
                        "noSignedPdf",
                        String.valueOf(incoming.noSignedPdf()))));
        return incoming;
    }

    /** The clerk refuses the arrival (misaddressed, invalid signature): the sender is told 02 with the reason. */
    @Transactional
    public ElectronicArrival refuse(Official clerk, UUID id, String reason) {
        ElectronicArrival a = locked(clerk, id, "ARRIVED");
        String text = reason(reason);
        arrivals.moved(id, "REFUSED", text, clock.instant());
        notifications.settleForEveryone(WaitingArrival.linkTo(id));
        report(a, directory.unit(a.unitId()), "02", text, clerk);
        audit.record(AuditEntry.by(
                clerk,
                ExchangeAuditAction.ARRIVAL_REFUSED,
                "electronic-arrival",
                id.toString(),
                a.unitId(),
                Map.of("reason", text)));
        return arrivals.find(id).orElseThrow();
    }

    /** The clerk accepts the sender's revocation: the registered copy is revoked, the sender told 15. */
    @Transactional
    public ElectronicArrival acceptRevocation(Official clerk, UUID id) {
        ElectronicArrival a = locked(clerk, id, "REVOKE_REQUESTED");
        if (a.incomingDocumentId() != null) {
            registrations.revoke(a.incomingDocumentId(), a.revokeReason() == null ? "" : a.revokeReason(), clerk);
        }
        arrivals.moved(id, "REVOKED", null, clock.instant());
        notifications.settleForEveryone(WaitingArrival.linkTo(id));
        report(a, directory.unit(a.unitId()), "15", "Đồng ý thu hồi", clerk);
        audit.record(AuditEntry.by(
                clerk,
                ExchangeAuditAction.REVOCATION_ACCEPTED,
                "electronic-arrival",
                id.toString(),
                a.unitId(),
                Map.of()));
        return arrivals.find(id).orElseThrow();
    }

    /** The clerk refuses the sender's revocation with a reason: the copy stays, the sender told 16. */
    @Transactional
    public ElectronicArrival refuseRevocation(Official clerk, UUID id, String reason) {
        ElectronicArrival a = locked(clerk, id, "REVOKE_REQUESTED");
        String text = reason(reason);
        arrivals.moved(id, "REVOKE_REFUSED", text, clock.instant());
        notifications.settleForEveryone(WaitingArrival.linkTo(id));
        report(a, directory.unit(a.unitId()), "16", text, clerk);
        audit.record(AuditEntry.by(
                clerk,
                ExchangeAuditAction.REVOCATION_REFUSED,
                "electronic-arrival",
                id.toString(),
                a.unitId(),
                Map.of("reason", text)));
        return arrivals.find(id).orElseThrow();
    }

    /** The handling of a registered copy moved on: its sender is told. */
    @ApplicationModuleListener
    void on(IncomingCaseChanged changed) {
        String code = changed.state().statusCode();
        if (code == null) {
            return;
        }
        String description = switch (changed.state()) {
            case ASSIGNED -> "Đã phân công xử lý";
            case IN_PROGRESS -> "Đang xử lý";
            case DONE -> "Đã xử lý xong";
            default -> changed.reason() == null ? "Từ chối" : changed.reason();
        };
        arrivals.ofIncoming(changed.documentId())
                .ifPresent(a -> report(a, directory.unit(a.unitId()), code, description, null));
    }

    private void revocationReceived(MessageHeader h, String reason) {
        for (ElectronicArrival a : arrivals.sentAs(h.documentId(), h.from().organId())) {
            UnitView unit = directory.unit(a.unitId());
            if (a.state().equals("ARRIVED")) {
                arrivals.moved(a.id(), "REVOKED", reason.isBlank() ? null : reason, clock.instant());
                report(a, unit, "15", "Đã thu hồi khi chưa vào sổ", null);
            } else if (a.state().equals("REGISTERED")) {
                arrivals.revocationRequested(a.id(), reason, clock.instant());
                tellClerks(a.unitId(), a.id(), "exchange.notice.revoke-requested", a.subject(), false);
            }
        }
    }

    /** The verdict on the signatures of a package's PDF, with the first reason when one fails. */
    private record Verdict(String verdict, @Nullable String detail) {}

    private Verdict verdict(EdxmlPackage p) {
        for (EdxmlAttachment a : p.attachments()) {
            if (!a.pdf()) {
                continue;
            }
            try (InputStream in = a.open()) {
                ValidationReport report = signatures.validate(in, VIETNAMESE);
                String detail = report.signatures().stream()
                        .filter(s -> !s.valid())
                        .map(s -> (s.signerName() == null ? "" : s.signerName() + ": ") + s.reason())
                        .findFirst()
                        .orElse(report.notChecked());
                return new Verdict(report.verdict().name(), detail);
            } catch (DomainException e) {
                return new Verdict("SOME_INVALID", e.code());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return new Verdict("UNSIGNED", "exchange.arrival.no-pdf");
    }

    private void report(ElectronicArrival a, UnitView unit, String code, String description, @Nullable Official staff) {
        statuses.report(
                new StatusReports.Answered(
                        a.fromOrganId(), a.documentId(), a.codeNumber(), a.codeNotation(), a.promulgationDate()),
                unit,
                code,
                description,
                staff == null ? null : staff.fullName(),
                "arrival:" + a.id());
    }

    private void tellClerks(UUID unitId, UUID arrivalId, String key, String subject, boolean urgent) {
        for (PersonView p : directory.people(unitId)) {
            boolean clerk = p.enabled()
                    && p.positions().stream().anyMatch(pos -> pos.unitId().equals(unitId) && pos.role() == Role.CLERK);
            if (clerk) {
                notifications.send(
                        new Notice(p.id(), key, key, List.of(subject), WaitingArrival.linkTo(arrivalId), urgent));
            }
        }
    }

    private String packageOf(ElectronicArrival a) {
        return arrivals.packageSha256(a.id());
    }

    private ElectronicArrival visible(Official clerk, UUID id) {
        ElectronicArrival a =
                arrivals.find(id).orElseThrow(() -> DomainException.notFound("exchange.arrival.not-found"));
        if (!clerk.holds(Role.CLERK, a.unitId())) {
            throw DomainException.notFound("exchange.arrival.not-found");
        }
        return a;
    }

    private ElectronicArrival locked(Official clerk, UUID id, String expected) {
        visible(clerk, id);
        ElectronicArrival a = arrivals.lock(id).orElseThrow();
        if (!a.state().equals(expected)) {
            throw DomainException.conflict("exchange.arrival.not-waiting", a.state());
        }
        return a;
    }

    private static String reason(String reason) {
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty()) {
            throw DomainException.invalid("exchange.arrival.reason-required");
        }
        if (text.length() > 2000) {
            throw DomainException.invalid("exchange.arrival.reason-too-long");
        }
        return text;
    }

    /** Only packages of a document arrive: a status package is answered elsewhere. */
    private static EdxmlDocument document(EdxmlPackage p) {
        return Objects.requireNonNull(p.document(), "a document package");
    }
}
