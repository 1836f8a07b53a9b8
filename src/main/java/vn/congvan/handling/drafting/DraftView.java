package vn.congvan.handling.drafting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.congvan.handling.incoming.CaseView;
import vn.congvan.registry.Priority;

/** A draft as the API and the pages show it, with its versions and its route. */
public record DraftView(
        UUID id,
        UUID unitId,
        CaseView.Person drafter,
        String typeName,
        String subject,
        Priority priority,
        @Nullable LocalDate dueDate,
        DraftState state,
        List<String> recipients,
        List<Version> versions,
        List<Step> route,
        CaseView.@Nullable Person currentApprover,
        CaseView.@Nullable Person signer,
        @Nullable String signerAuthority,
        @Nullable UUID documentId,
        @Nullable Instant signedAt) {

    /** Whether the person approves the route's last step now: that approval makes them the signer. */
    public boolean lastApprovalBy(UUID personId) {
        return currentApprover != null
                && currentApprover.id().equals(personId)
                && route.stream().filter(step -> step.approvedAt() == null).count() == 1;
    }

    /** A version of the draft's PDF. */
    public record Version(
            int version,
            String fileName,
            long size,
            String sha256,
            Instant addedAt,
            @Nullable String sourceFileName,
            @Nullable Long sourceSize) {}

    /** A step of the route: who approves, and whether they have. */
    public record Step(
            int position,
            String role,
            CaseView.Person approver,
            @Nullable Instant approvedAt) {}
}
