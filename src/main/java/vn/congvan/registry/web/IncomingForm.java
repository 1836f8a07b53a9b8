package vn.congvan.registry.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.congvan.registry.IncomingMetadata;
import vn.congvan.registry.SignerAuthority;
import vn.congvan.shared.InvalidFieldsException;
import vn.congvan.shared.InvalidFieldsException.FieldProblem;
import vn.congvan.shared.VietnamTime;

/** The incoming registration form as the browser posts it: every field as typed. */
record IncomingForm(
        @Nullable String unitId,
        @Nullable String typeName,
        @Nullable String codeNumber,
        @Nullable String codeNotation,
        @Nullable String issuedDate,
        @Nullable String organId,
        @Nullable String organName,
        @Nullable String subject,
        @Nullable String signerAuthority,
        @Nullable String signerPosition,
        @Nullable String signerFullName,
        @Nullable Integer priority,
        @Nullable Integer confidentiality,
        @Nullable String dueDate,
        @Nullable String toPlaces,
        @Nullable String description,
        @Nullable String arrivalDate,
        @Nullable Boolean paper,
        @Nullable Boolean confirmDuplicate,
        @Nullable String submissionKey,
        @Nullable String presentTo) {

    static IncomingForm blank(@Nullable UUID unitId) {
        return new IncomingForm(
                unitId == null ? null : unitId.toString(),
                "CONG_VAN",
                null,
                null,
                null,
                null,
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
                false,
                false,
                UUID.randomUUID().toString(),
                null);
    }

    IncomingMetadata toMetadata() {
        List<FieldProblem> problems = new ArrayList<>();
        Parsing p = new Parsing(problems);
        IncomingMetadata m = new IncomingMetadata(
                p.uuid("unitId", unitId),
                typeName == null ? "" : typeName,
                blankToNull(codeNumber),
                blankToNull(codeNotation),
                p.date("issuedDate", issuedDate),
                blankToNull(organId),
                organName == null ? "" : organName,
                subject == null ? "" : subject,
                p.authority(signerAuthority),
                blankToNull(signerPosition),
                blankToNull(signerFullName),
                priority,
                confidentiality,
                p.optionalDate("dueDate", dueDate),
                blankToNull(toPlaces),
                blankToNull(description),
                null,
                null,
                p.dateTime("arrivalDate", arrivalDate),
                null,
                paper,
                confirmDuplicate,
                blankToNull(submissionKey),
                null,
                p.optionalUuid("presentTo", presentTo));
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        return m;
    }

    IncomingForm confirmingDuplicate() {
        return new IncomingForm(
                unitId,
                typeName,
                codeNumber,
                codeNotation,
                issuedDate,
                organId,
                organName,
                subject,
                signerAuthority,
                signerPosition,
                signerFullName,
                priority,
                confidentiality,
                dueDate,
                toPlaces,
                description,
                arrivalDate,
                paper,
                true,
                submissionKey,
                presentTo);
    }

    static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Turns typed text into values, noting a problem per field that does not parse. */
    record Parsing(List<FieldProblem> problems) {

        @SuppressWarnings("NullAway")
        UUID uuid(String field, @Nullable String text) {
            try {
                return UUID.fromString(text == null ? "" : text.strip());
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem(field, "validation.required"));
                return null;
            }
        }

        @Nullable
        UUID optionalUuid(String field, @Nullable String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return UUID.fromString(text.strip());
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem(field, "validation.range"));
                return null;
            }
        }

        @SuppressWarnings("NullAway")
        LocalDate date(String field, @Nullable String text) {
            LocalDate date = optionalDate(field, text);
            if (date == null && (text == null || text.isBlank())) {
                problems.add(new FieldProblem(field, "validation.required"));
            }
            return date;
        }

        @Nullable
        LocalDate optionalDate(String field, @Nullable String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            LocalDate day = VietnamTime.readDay(text).orElse(null);
            if (day == null) {
                problems.add(new FieldProblem(field, "validation.day", text.strip()));
            }
            return day;
        }

        @Nullable
        OffsetDateTime dateTime(String field, @Nullable String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            LocalDateTime moment = VietnamTime.readMoment(text).orElse(null);
            if (moment == null) {
                problems.add(new FieldProblem(field, "validation.moment", text.strip()));
                return null;
            }
            return moment.atZone(VietnamTime.ZONE).toOffsetDateTime();
        }

        SignerAuthority authority(@Nullable String text) {
            try {
                return text == null || text.isBlank() ? SignerAuthority.NONE : SignerAuthority.valueOf(text);
            } catch (IllegalArgumentException e) {
                return SignerAuthority.NONE;
            }
        }
    }
}
