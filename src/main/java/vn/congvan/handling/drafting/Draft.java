package vn.congvan.handling.drafting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.congvan.registry.DocumentType;
import vn.congvan.registry.Priority;
import vn.congvan.registry.SignerAuthority;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.Official;

/**
 * A draft of an outgoing document (dự thảo) on its way to issue (Decree 30 Art. 10–14): written
 * and revised by its drafter, submitted along the unit's approval route, approved or returned at
 * each step, prepared for the signer, then issued by the clerk. State changes only through these
 * methods, each checking who acts and where the draft stands.
 */
final class Draft {

    static final int COMMENT_LIMIT = 2000;

    private final UUID id;
    private final UUID unitId;
    private final UUID drafterId;
    private final @Nullable UUID divisionId;
    private final DocumentType type;
    private final String subject;
    private final Priority priority;
    private final @Nullable LocalDate dueDate;
    private final List<Recipient> recipients;
    private final @Nullable UUID replacesId;
    private DraftState state;
    private List<RouteStep> route;
    private @Nullable Integer currentStep;
    private @Nullable UUID signerId;
    private @Nullable SignerAuthority signerAuthority;
    private @Nullable UUID documentId;
    private @Nullable Instant signedAt;

    /** A recipient of the future document: a unit of the installation, or a body outside it. */
    record Recipient(@Nullable UUID unitId, @Nullable String organId, String organName) {}

    Draft(
            UUID id,
            UUID unitId,
            UUID drafterId,
            @Nullable UUID divisionId,
            DocumentType type,
            String subject,
            Priority priority,
            @Nullable LocalDate dueDate,
            List<Recipient> recipients,
            @Nullable UUID replacesId,
            DraftState state,
            List<RouteStep> route,
            @Nullable Integer currentStep,
            @Nullable UUID signerId,
            @Nullable SignerAuthority signerAuthority,
            @Nullable UUID documentId,
            @Nullable Instant signedAt) {
        this.id = id;
        this.unitId = unitId;
        this.drafterId = drafterId;
        this.divisionId = divisionId;
        this.type = type;
        this.subject = subject;
        this.priority = priority;
        this.dueDate = dueDate;
        this.recipients = List.copyOf(recipients);
        this.replacesId = replacesId;
        this.state = state;
        this.route = new ArrayList<>(route);
        this.currentStep = currentStep;
        this.signerId = signerId;
        this.signerAuthority = signerAuthority;
        this.documentId = documentId;
        this.signedAt = signedAt;
    }

    static Draft started(
            UUID unitId,
            Official drafter,
            @Nullable UUID divisionId,
            DocumentType type,
            String subject,
            Priority priority,
            @Nullable LocalDate dueDate,
            List<Recipient> recipients,
            @Nullable UUID replacesId) {
        return new Draft(
                UUID.randomUUID(),
                unitId,
                drafter.personId(),
                divisionId,
                type,
                subject,
                priority,
                dueDate,
                recipients,
                replacesId,
                DraftState.DRAFTING,
                List.of(),
                null,
                null,
                null,
                null,
                null);
    }

    /** A new version of the PDF: by the drafter while it is theirs, or by the approver whose turn it is. */
    void requireMayRevise(Official official) {
        if (state == DraftState.DRAFTING || state == DraftState.RETURNED) {
            requireDrafter(official);
        } else if (state == DraftState.SUBMITTED) {
            requireCurrentApprover(official);
        } else {
            throw DomainException.conflict("handling.draft.state.not-allowed", state.name());
        }
    }

    /** The drafter submits the draft along the route resolved for it now. */
    Map<String, String> submit(Official drafter, List<RouteStep> resolved) {
        requireState(DraftState.DRAFTING, DraftState.RETURNED);
        requireDrafter(drafter);
        if (resolved.isEmpty()) {
            throw DomainException.conflict("handling.route.empty");
        }
        route = new ArrayList<>(resolved);
        currentStep = 1;
        state = DraftState.SUBMITTED;
        return Map.of("approver", route.get(0).approverId().toString(), "steps", Integer.toString(route.size()));
    }

    /**
     * The approver whose turn it is approves; after the last step the draft is approved and that
     * approver signs, on behalf of the leader (KT.) when the route put a deputy in the leader's place.
     */
    Map<String, String> approve(Official approver, Instant at, SignerAuthority authorityOfLastStep) {
        requireState(DraftState.SUBMITTED);
        RouteStep step = requireCurrentApprover(approver);
        route.set(step.position() - 1, step.decided(at));
        if (step.position() < route.size()) {
            currentStep = step.position() + 1;
            return Map.of(
                    "step",
                    Integer.toString(step.position()),
                    "next",
                    route.get(step.position()).approverId().toString());
        }
        currentStep = null;
        state = DraftState.APPROVED;
        signerId = approver.personId();
        signerAuthority = authorityOfLastStep;
        return Map.of("step", Integer.toString(step.position()), "approved", "true");
    }

    /** The approver whose turn it is sends the draft back to its drafter with comments. */
    Map<String, String> returnToDrafter(Official approver, @Nullable String comment) {
        requireState(DraftState.SUBMITTED);
        RouteStep step = requireCurrentApprover(approver);
        String text = comment(comment);
        state = DraftState.RETURNED;
        currentStep = null;
        return Map.of("step", Integer.toString(step.position()), "comment", text);
    }

    /** The approved draft became a registry document waiting for the signature and the number. */
    void prepared(UUID document) {
        requireState(DraftState.APPROVED);
        if (documentId != null) {
            throw DomainException.conflict("handling.draft.state.not-allowed", state.name());
        }
        documentId = document;
    }

    /** The signer signed the prepared document. */
    void signed(Instant at) {
        if (state == DraftState.APPROVED && signedAt == null) {
            signedAt = at;
        }
    }

    /** The clerk numbered, sealed and sent it. */
    void issued() {
        requireState(DraftState.APPROVED);
        if (documentId == null) {
            throw DomainException.conflict("handling.draft.state.not-allowed", state.name());
        }
        state = DraftState.ISSUED;
    }

    void revoked() {
        requireState(DraftState.ISSUED);
        state = DraftState.REVOKED;
    }

    static String comment(@Nullable String comment) {
        if (comment == null || comment.isBlank()) {
            throw DomainException.invalid("handling.draft.comment.required");
        }
        String text = comment.strip();
        if (text.length() > COMMENT_LIMIT) {
            throw DomainException.invalid("handling.text.too-long", COMMENT_LIMIT);
        }
        return text;
    }

    void requireState(DraftState first, DraftState... others) {
        if (!EnumSet.of(first, others).contains(state)) {
            throw DomainException.conflict("handling.draft.state.not-allowed", state.name());
        }
    }

    private void requireDrafter(Official official) {
        if (!official.personId().equals(drafterId)) {
            throw DomainException.forbidden("handling.draft.not-yours");
        }
    }

    private RouteStep requireCurrentApprover(Official official) {
        if (currentStep == null) {
            throw DomainException.conflict("handling.draft.state.not-allowed", state.name());
        }
        RouteStep step = route.get(currentStep - 1);
        if (!step.approverId().equals(official.personId())) {
            throw DomainException.forbidden("handling.draft.not-your-turn");
        }
        return step;
    }

    /** Whether the official has anything to do with the draft: drafter, approver on its route, signer. */
    boolean involves(UUID personId) {
        return personId.equals(drafterId)
                || personId.equals(signerId)
                || route.stream().anyMatch(s -> s.approverId().equals(personId));
    }

    @Nullable
    UUID currentApprover() {
        return currentStep == null ? null : route.get(currentStep - 1).approverId();
    }

    UUID id() {
        return id;
    }

    UUID unitId() {
        return unitId;
    }

    UUID drafterId() {
        return drafterId;
    }

    @Nullable
    UUID divisionId() {
        return divisionId;
    }

    DocumentType type() {
        return type;
    }

    String subject() {
        return subject;
    }

    Priority priority() {
        return priority;
    }

    @Nullable
    LocalDate dueDate() {
        return dueDate;
    }

    List<Recipient> recipients() {
        return recipients;
    }

    @Nullable
    UUID replacesId() {
        return replacesId;
    }

    DraftState state() {
        return state;
    }

    List<RouteStep> route() {
        return List.copyOf(route);
    }

    @Nullable
    Integer currentStep() {
        return currentStep;
    }

    @Nullable
    UUID signerId() {
        return signerId;
    }

    @Nullable
    SignerAuthority signerAuthority() {
        return signerAuthority;
    }

    @Nullable
    UUID documentId() {
        return documentId;
    }

    @Nullable
    Instant signedAt() {
        return signedAt;
    }
}
