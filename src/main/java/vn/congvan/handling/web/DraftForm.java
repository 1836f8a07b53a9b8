package vn.congvan.handling.web;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import vn.congvan.directory.Directory;
import vn.congvan.directory.DivisionView;
import vn.congvan.directory.RecipientGroups;
import vn.congvan.directory.UnitView;
import vn.congvan.handling.drafting.DraftView;
import vn.congvan.handling.drafting.DraftWriting;
import vn.congvan.platform.StepOutcome;
import vn.congvan.registry.Direction;
import vn.congvan.registry.DocumentFiles;
import vn.congvan.registry.DocumentType;
import vn.congvan.registry.DocumentView;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.Membership;
import vn.congvan.shared.Official;

/**
 * The new-draft form: blank, prefilled as the reply to an incoming document (its sender ticked among
 * the recipients), or filled again as it was sent when the draft was refused; with the route the
 * draft would go along for each drafting division, so that the drafter sees who approves before
 * submitting.
 */
@Component
class DraftForm {

    /**
     * What the form shows entered; {@code fresh} for a form not sent yet, whose division is the
     * drafter's own; the recipients ticked, units by id and agencies outside by code.
     */
    record Entries(
            boolean fresh,
            @Nullable UUID unitId,
            @Nullable String typeName,
            @Nullable String subject,
            @Nullable UUID divisionId,
            @Nullable Integer priority,
            List<String> recipientIds,
            List<String> outsideOrganIds,
            @Nullable UUID replyTo,
            @Nullable UUID keptUploadId,
            @Nullable String keptFileName) {

        static Entries fresh(@Nullable UUID replyTo) {
            return new Entries(true, null, null, null, null, null, List.of(), List.of(), replyTo, null, null);
        }
    }

    /** The incoming document a reply answers, as the form says it, and whether its sender was found. */
    record Reply(UUID id, @Nullable String notation, String issuedOn, String sender, boolean senderFound) {}

    /** The route for one drafting division of one unit (none: {@code divisionId} null), or why there is none. */
    record RouteOption(
            UUID unitId,
            @Nullable UUID divisionId,
            List<DraftView.Step> steps,
            @Nullable String problem) {}

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Directory directory;
    private final DocumentFiles documents;
    private final DraftWriting writing;
    private final RecipientChoices recipientChoices;
    private final RecipientGroups recipientGroups;
    private final StepOutcome outcome;

    DraftForm(
            Directory directory,
            DocumentFiles documents,
            DraftWriting writing,
            RecipientChoices recipientChoices,
            RecipientGroups recipientGroups,
            StepOutcome outcome) {
        this.directory = directory;
        this.documents = documents;
        this.writing = writing;
        this.recipientChoices = recipientChoices;
        this.recipientGroups = recipientGroups;
        this.outcome = outcome;
    }

    /** Fills the model of the form; the incoming document replied to is read first, as any document is. */
    String shown(Official official, Model model, Entries entries) {
        DocumentView incoming = entries.replyTo() == null ? null : replied(official, entries.replyTo());
        List<UUID> units = official.memberships().stream()
                .map(Membership::unitId)
                .distinct()
                .toList();
        List<UnitView> unitViews = units.stream().map(directory::unit).toList();
        List<DivisionView> divisions =
                units.stream().flatMap(u -> directory.divisions(u).stream()).toList();
        UUID unitId = entries.unitId() != null && units.contains(entries.unitId())
                ? entries.unitId()
                : units.stream().findFirst().orElse(null);
        // The drafter's own division, so that its head is on the route unless the drafter says otherwise.
        UUID divisionId = entries.fresh()
                ? official.memberships().stream()
                        .map(Membership::divisionId)
                        .filter(Objects::nonNull)
                        .findFirst()
                        .orElse(null)
                : entries.divisionId();
        List<String> unitsTicked = new ArrayList<>(entries.recipientIds());
        List<String> agenciesTicked = new ArrayList<>(entries.outsideOrganIds());
        if (incoming != null) {
            var sender = recipientChoices.sender(
                    incoming.metadata().organId(), incoming.metadata().organName());
            if (entries.fresh()) {
                sender.ifPresent(s -> (s.outside() ? agenciesTicked : unitsTicked).add(s.value()));
            }
            model.addAttribute(
                    "reply",
                    new Reply(
                            incoming.id(),
                            incoming.notation(),
                            incoming.metadata().issuedDate().format(DAY),
                            incoming.metadata().organName(),
                            sender.isPresent()));
        }
        model.addAttribute("units", unitViews);
        model.addAttribute("divisions", divisions);
        model.addAttribute("types", DocumentType.values());
        model.addAttribute("unitId", unitId);
        model.addAttribute("divisionId", divisionId);
        // A reply is a letter (công văn) unless the drafter chooses another type.
        model.addAttribute(
                "typeName",
                entries.typeName() != null
                        ? entries.typeName()
                        : incoming != null ? DocumentType.CONG_VAN.name() : null);
        model.addAttribute("entries", entries);
        model.addAttribute("recipients", recipientGroups.picker(unitsTicked, agenciesTicked));
        model.addAttribute("routes", routes(official, unitViews, divisions));
        model.addAttribute("submissionKey", UUID.randomUUID().toString());
        return "handling/draft-form";
    }

    private DocumentView replied(Official official, UUID id) {
        DocumentView incoming = documents.readable(official, id);
        if (incoming.direction() != Direction.INCOMING) {
            throw DomainException.invalid("handling.reply.not-incoming");
        }
        return incoming;
    }

    private List<RouteOption> routes(Official official, List<UnitView> units, List<DivisionView> divisions) {
        List<RouteOption> options = new ArrayList<>();
        for (UnitView unit : units) {
            options.add(route(official, unit.id(), null));
            for (DivisionView division : divisions) {
                if (division.unitId().equals(unit.id())) {
                    options.add(route(official, unit.id(), division.id()));
                }
            }
        }
        return options;
    }

    private RouteOption route(Official official, UUID unitId, @Nullable UUID divisionId) {
        try {
            return new RouteOption(unitId, divisionId, writing.routeForNewDraft(official, unitId, divisionId), null);
        } catch (DomainException e) {
            return new RouteOption(unitId, divisionId, List.of(), outcome.said(e));
        }
    }
}
