package vn.congvan.registry.document;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.congvan.registry.Direction;
import vn.congvan.registry.DocumentMetadata;
import vn.congvan.registry.DocumentStatus;
import vn.congvan.registry.DocumentType;
import vn.congvan.registry.DocumentView;
import vn.congvan.registry.register.Notation;
import vn.congvan.registry.register.Register;
import vn.congvan.shared.DomainException;

/**
 * A document as the registry records it when a clerk registers it: numbered in a register's
 * yearly series, with its files and recipients. Created only through {@link #arrive} and
 * {@link #issue}, which are the two ways a document enters a register, each with its main PDF
 * first; {@link #arriveWithoutPdf} is the one exception, for an electronic arrival that held none.
 * A prepared document changes only through {@link #number}, any other through {@link #revoke}:
 * each refuses what Decree 30 forbids.
 */
record Document(
        UUID id,
        Direction direction,
        DocumentStatus status,
        UUID unitId,
        UUID registerId,
        int registerYear,
        @Nullable Integer number,
        DocumentType documentType,
        DocumentMetadata metadata,
        @Nullable OffsetDateTime arrivalDate,
        @Nullable Integer arrivalNumber,
        @Nullable String documentId,
        @Nullable UUID draftingDivisionId,
        boolean paper,
        UUID createdBy,
        Instant createdAt,
        @Nullable String submissionKey,
        boolean noSignedPdf,
        List<DocumentView.FileView> files,
        List<DocumentView.RecipientView> recipients) {

    private static final String PDF = "application/pdf";
    private static final String MAIN = "MAIN";
    private static final DateTimeFormatter EDXML_DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd");

    /** Facts of an arriving document as the sender wrote them. */
    record Arrival(
            DocumentType type,
            DocumentMetadata metadata,
            OffsetDateTime arrivalDate,
            @Nullable String documentId,
            boolean paper) {}

    /** Facts of a document the unit issues. */
    record Issue(
            DocumentType type,
            DocumentMetadata metadata,
            String issuerAbbreviation,
            @Nullable UUID draftingDivisionId,
            @Nullable String divisionAbbreviation,
            boolean paper) {

        Issue {
            if (metadata.organId() == null) {
                throw new IllegalArgumentException("A unit issues documents under its organ code");
            }
            if (metadata.codeNumber() != null || metadata.codeNotation() != null) {
                throw new IllegalArgumentException("A document to issue takes its number from its register");
            }
        }
    }

    /** Registers an arriving document under the next arrival number of the incoming register. */
    static Document arrive(
            Arrival a,
            Register register,
            int arrivalNumber,
            UUID by,
            Instant now,
            @Nullable String submissionKey,
            List<DocumentView.FileView> files) {
        requireMainPdf(files);
        return arrived(a, register, arrivalNumber, by, now, submissionKey, false, files);
    }

    /**
     * Registers an electronic arrival whose package held no PDF at all (an older vendor's zipped Word
     * file) like any arrival, its files kept as they came and all attachments: the document says it
     * has no signed PDF, so that nobody takes it for a verified electronic original.
     */
    static Document arriveWithoutPdf(
            Arrival a,
            Register register,
            int arrivalNumber,
            UUID by,
            Instant now,
            @Nullable String submissionKey,
            List<DocumentView.FileView> files) {
        if (files.isEmpty()
                || files.stream()
                        .anyMatch(f -> f.role().equals(MAIN) || f.contentType().equals(PDF))) {
            throw new IllegalArgumentException("A document registered without a PDF holds files, none of them a PDF");
        }
        return arrived(a, register, arrivalNumber, by, now, submissionKey, true, files);
    }

    private static Document arrived(
            Arrival a,
            Register register,
            int arrivalNumber,
            UUID by,
            Instant now,
            @Nullable String submissionKey,
            boolean noSignedPdf,
            List<DocumentView.FileView> files) {
        return new Document(
                UUID.randomUUID(),
                Direction.INCOMING,
                DocumentStatus.REGISTERED,
                register.unitId(),
                register.id(),
                a.arrivalDate().getYear(),
                arrivalNumber,
                a.type(),
                a.metadata(),
                a.arrivalDate(),
                arrivalNumber,
                a.documentId(),
                null,
                a.paper(),
                by,
                now,
                submissionKey,
                noSignedPdf,
                files,
                List.of());
    }

    /** Numbers and issues a document of the unit: the number gives the notation and the edXML id. */
    static Document issue(
            Issue i,
            Register register,
            int number,
            UUID by,
            Instant now,
            @Nullable String submissionKey,
            List<DocumentView.FileView> files,
            List<DocumentView.RecipientView> recipients) {
        requireMainPdf(files);
        Notation notation = Notation.of(number, i.type(), i.issuerAbbreviation(), i.divisionAbbreviation());
        DocumentMetadata described = i.metadata();
        String documentId = edxmlId(organIdOf(i), described.issuedDate(), notation);
        return new Document(
                UUID.randomUUID(),
                Direction.OUTGOING,
                DocumentStatus.ISSUED,
                register.unitId(),
                register.id(),
                described.issuedDate().getYear(),
                number,
                i.type(),
                described.numbered(notation.codeNumber(), notation.codeNotation(), described.issuedDate()),
                null,
                null,
                documentId,
                i.draftingDivisionId(),
                i.paper(),
                by,
                now,
                submissionKey,
                false,
                files,
                recipients);
    }

    /**
     * Prepares a document of the unit for issue: in its outgoing register, without a number, a
     * notation or an edXML id until the clerk issues it.
     */
    static Document prepare(
            Issue i,
            Register register,
            UUID by,
            Instant now,
            @Nullable String submissionKey,
            List<DocumentView.FileView> files,
            List<DocumentView.RecipientView> recipients) {
        requireMainPdf(files);
        return new Document(
                UUID.randomUUID(),
                Direction.OUTGOING,
                DocumentStatus.PREPARED,
                register.unitId(),
                register.id(),
                i.metadata().issuedDate().getYear(),
                null,
                i.type(),
                i.metadata(),
                null,
                null,
                null,
                i.draftingDivisionId(),
                i.paper(),
                by,
                now,
                submissionKey,
                false,
                files,
                recipients);
    }

    /** The next number of a register's series for a year, drawn only once the document may take it. */
    @FunctionalInterface
    interface Series {
        int next(UUID registerId, int year);
    }

    /**
     * Numbers the prepared document (cấp số) in its register's series of the year it is issued and
     * issues it that day: it gets its number, notation and edXML id. A document is numbered once, and
     * only after its approval: anything but a document awaiting issue is refused before a number is
     * drawn.
     */
    Document number(
            LocalDate issuedOn,
            Series series,
            String issuerAbbreviation,
            @Nullable String divisionAbbreviation,
            String issuerOrganId) {
        if (status != DocumentStatus.PREPARED) {
            throw DomainException.conflict("registry.document.not-prepared");
        }
        int given = series.next(registerId, issuedOn.getYear());
        Notation notation = notation(given, documentType, issuerAbbreviation, divisionAbbreviation);
        return new Document(
                id,
                direction,
                DocumentStatus.ISSUED,
                unitId,
                registerId,
                issuedOn.getYear(),
                given,
                documentType,
                metadata.numbered(notation.codeNumber(), notation.codeNotation(), issuedOn),
                arrivalDate,
                arrivalNumber,
                edxmlId(issuerOrganId, issuedOn, notation),
                draftingDivisionId,
                paper,
                createdBy,
                createdAt,
                submissionKey,
                noSignedPdf,
                files,
                recipients);
    }

    /**
     * Revokes the document (thu hồi): an issued document or a registered arrival is frozen. One
     * revoked already is not revoked again, and one still awaiting issue was never issued to revoke.
     */
    Document revoke() {
        if (status == DocumentStatus.REVOKED) {
            throw DomainException.conflict("registry.document.revoked");
        }
        if (status == DocumentStatus.PREPARED) {
            throw DomainException.conflict("registry.document.not-issued");
        }
        return new Document(
                id,
                direction,
                DocumentStatus.REVOKED,
                unitId,
                registerId,
                registerYear,
                number,
                documentType,
                metadata,
                arrivalDate,
                arrivalNumber,
                documentId,
                draftingDivisionId,
                paper,
                createdBy,
                createdAt,
                submissionKey,
                noSignedPdf,
                files,
                recipients);
    }

    /** The stored document as read back, with the number and submission key its view does not show. */
    static Document stored(DocumentView v, @Nullable Integer number, @Nullable String submissionKey) {
        return new Document(
                v.id(),
                v.direction(),
                v.status(),
                v.unitId(),
                v.registerId(),
                v.registerYear(),
                number,
                v.documentType(),
                v.metadata(),
                v.arrivalDate(),
                v.arrivalNumber(),
                v.documentId(),
                v.draftingDivisionId(),
                v.paper(),
                v.createdBy(),
                v.createdAt(),
                submissionKey,
                v.noSignedPdf(),
                v.files(),
                v.recipients());
    }

    /** As printed after "Số:", once numbered. */
    @Nullable
    String notationText() {
        return metadata.notation();
    }

    /** The notation and edXML id the document gets with its number. */
    static Notation notation(
            int number, DocumentType type, String issuerAbbreviation, @Nullable String divisionAbbreviation) {
        return Notation.of(number, type, issuerAbbreviation, divisionAbbreviation);
    }

    static String edxmlId(String organId, LocalDate issuedDate, Notation notation) {
        return organId + "," + EDXML_DATE.format(issuedDate) + "," + notation.full();
    }

    /** Every document but an arrival without PDF enters its register with its main PDF first. */
    private static void requireMainPdf(List<DocumentView.FileView> files) {
        if (files.isEmpty()
                || !files.get(0).role().equals(MAIN)
                || !files.get(0).contentType().equals(PDF)) {
            throw new IllegalArgumentException("A document enters its register with its main PDF first");
        }
    }

    boolean secret() {
        return metadata.secret();
    }

    private static String organIdOf(Issue i) {
        return Objects.requireNonNull(i.metadata().organId());
    }
}
