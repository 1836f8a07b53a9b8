package vn.congvan.registry.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import vn.congvan.registry.OutgoingMetadata;
import vn.congvan.shared.InvalidFieldsException;
import vn.congvan.shared.InvalidFieldsException.FieldProblem;

/**
 * The outgoing registration form as the browser posts it; recipients are units of the directory (by
 * id), agencies outside reached over the axis (by code), and other bodies written one a line.
 */
record OutgoingForm(
        @Nullable String unitId,
        @Nullable String typeName,
        @Nullable String draftingDivisionId,
        @Nullable String subject,
        @Nullable String signerAuthority,
        @Nullable String signerPosition,
        @Nullable String signerFullName,
        @Nullable Integer priority,
        @Nullable Integer confidentiality,
        @Nullable String dueDate,
        @Nullable String toPlaces,
        @Nullable String description,
        @Nullable Integer issuedAmount,
        @Nullable List<String> recipientUnitIds,
        @Nullable List<String> outsideOrganIds,
        @Nullable String otherRecipients,
        @Nullable Boolean paper,
        @Nullable String submissionKey) {

    static OutgoingForm blank(@Nullable UUID unitId) {
        return new OutgoingForm(
                unitId == null ? null : unitId.toString(),
                "CONG_VAN",
                null,
                null,
                "NONE",
                null,
                null,
                0,
                0,
                null,
                null,
                null,
                null,
                List.of(),
                List.of(),
                null,
                false,
                UUID.randomUUID().toString());
    }

    /** The metadata posted; {@code agencies} names an agency outside by its code, unknown codes refused. */
    OutgoingMetadata toMetadata(Function<String, Optional<String>> agencies) {
        List<FieldProblem> problems = new ArrayList<>();
        IncomingForm.Parsing p = new IncomingForm.Parsing(problems);
        List<OutgoingMetadata.Recipient> recipients = new ArrayList<>();
        if (recipientUnitIds != null) {
            for (String id : recipientUnitIds) {
                if (id != null && !id.isBlank()) {
                    recipients.add(new OutgoingMetadata.Recipient(p.uuid("recipientUnitIds", id), null, null));
                }
            }
        }
        if (outsideOrganIds != null) {
            for (String code : outsideOrganIds) {
                if (code != null && !code.isBlank()) {
                    agencies.apply(code.strip())
                            .ifPresentOrElse(
                                    name -> recipients.add(new OutgoingMetadata.Recipient(null, code.strip(), name)),
                                    () -> problems.add(new FieldProblem(
                                            "outsideOrganIds", "registry.recipients.unknown-agency", code.strip())));
                }
            }
        }
        if (otherRecipients != null) {
            for (String line : otherRecipients.split("\\R")) {
                if (!line.isBlank()) {
                    recipients.add(new OutgoingMetadata.Recipient(null, null, line.strip()));
                }
            }
        }
        String division = IncomingForm.blankToNull(draftingDivisionId);
        OutgoingMetadata m = new OutgoingMetadata(
                p.uuid("unitId", unitId),
                typeName == null ? "" : typeName,
                division == null ? null : p.uuid("draftingDivisionId", division),
                subject == null ? "" : subject,
                p.authority(signerAuthority),
                IncomingForm.blankToNull(signerPosition),
                IncomingForm.blankToNull(signerFullName),
                priority,
                confidentiality,
                p.optionalDate("dueDate", dueDate),
                IncomingForm.blankToNull(toPlaces),
                IncomingForm.blankToNull(description),
                null,
                null,
                issuedAmount,
                recipients,
                paper,
                IncomingForm.blankToNull(submissionKey));
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        return m;
    }
}
