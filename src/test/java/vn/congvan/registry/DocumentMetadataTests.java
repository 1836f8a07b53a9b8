package vn.congvan.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The description of a document by Decree 30 Appendix VI, as one value. */
class DocumentMetadataTests {

    private static final LocalDate ISSUED = LocalDate.of(2026, 11, 20);

    private static DocumentMetadata aDecision(
            @Nullable String codeNumber,
            @Nullable String codeNotation,
            Priority priority,
            Confidentiality confidentiality,
            @Nullable Integer pageAmount,
            @Nullable Integer issuedAmount) {
        return new DocumentMetadata(
                "Quyết định",
                codeNumber,
                codeNotation,
                ISSUED,
                "000.00.00.H10",
                "Ủy ban nhân dân tỉnh",
                "Về việc phê duyệt quy hoạch",
                "vi",
                pageAmount,
                null,
                new DocumentMetadata.Signer(SignerAuthority.KT, "Phó Chủ tịch", "Nguyễn Văn A"),
                priority,
                confidentiality,
                issuedAmount,
                null,
                null);
    }

    private static DocumentMetadata aDecision(@Nullable String codeNumber, @Nullable String codeNotation) {
        return aDecision(codeNumber, codeNotation, Priority.NORMAL, Confidentiality.NONE, 2, null);
    }

    @Test
    void theNotationJoinsTheNumberAndTheSignAsPrintedAfterSo() {
        assertThat(aDecision("15", "QĐ-UBND").notation()).isEqualTo("15/QĐ-UBND");
        assertThat(aDecision(null, "QĐ-UBND").notation()).isEqualTo("QĐ-UBND");
        assertThat(aDecision("15", null).notation()).isEqualTo("15");
        assertThat(aDecision(null, null).notation()).isNull();
    }

    @Test
    void aDocumentIsUrgentFromKhanUpAndSecretFromMatUp() {
        DocumentMetadata plain = aDecision("15", "QĐ-UBND");
        assertThat(plain.urgent()).isFalse();
        assertThat(plain.secret()).isFalse();
        for (Priority p : List.of(Priority.URGENT, Priority.VERY_URGENT, Priority.FLASH, Priority.FLASH_TIMED)) {
            assertThat(aDecision("15", "QĐ", p, Confidentiality.NONE, 2, null).urgent())
                    .as(p.name())
                    .isTrue();
        }
        for (Confidentiality c :
                List.of(Confidentiality.SECRET, Confidentiality.TOP_SECRET, Confidentiality.ABSOLUTE_SECRET)) {
            assertThat(aDecision("15", "QĐ", Priority.NORMAL, c, 2, null).secret())
                    .as(c.name())
                    .isTrue();
        }
    }

    @Test
    void numberingGivesTheNumberNotationAndDateAndKeepsEverythingElse() {
        DocumentMetadata prepared = aDecision(null, null, Priority.FLASH, Confidentiality.SECRET, 3, 12);

        DocumentMetadata numbered = prepared.numbered("7", "QĐ-UBND", ISSUED.plusDays(2));

        assertThat(numbered.notation()).isEqualTo("7/QĐ-UBND");
        assertThat(numbered.issuedDate()).isEqualTo(ISSUED.plusDays(2));
        assertThat(numbered)
                .usingRecursiveComparison()
                .ignoringFields("codeNumber", "codeNotation", "issuedDate")
                .isEqualTo(prepared);
    }

    @Test
    void aNegativeNumberOfPagesOrOfCopiesIsRefused() {
        assertThatThrownBy(() -> aDecision("15", "QĐ", Priority.NORMAL, Confidentiality.NONE, -1, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> aDecision("15", "QĐ", Priority.NORMAL, Confidentiality.NONE, 2, -3))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSignersTitleCarriesTheAuthorityBeforeThePosition() {
        assertThat(new DocumentMetadata.Signer(SignerAuthority.KT, "Chủ tịch", null).title())
                .isEqualTo("KT. Chủ tịch");
        assertThat(new DocumentMetadata.Signer(SignerAuthority.NONE, "Chủ tịch", null).title())
                .isEqualTo("Chủ tịch");
        assertThat(new DocumentMetadata.Signer(SignerAuthority.TL, null, "Nguyễn Văn A").title())
                .isNull();
        assertThat(DocumentMetadata.Signer.of(null, "  ", " Nguyễn Văn A ").named())
                .isTrue();
        assertThat(DocumentMetadata.Signer.of(null, " ", ""))
                .isEqualTo(new DocumentMetadata.Signer(SignerAuthority.NONE, null, null));
    }

    @Test
    void whatTheClerkLeftEmptyTakesItsDefaultAndTypedTextIsTrimmed() {
        IncomingMetadata typed = new IncomingMetadata(
                UUID.randomUUID(),
                "QUYET_DINH",
                " 15 ",
                "QĐ-UBND ",
                ISSUED,
                "  ",
                " Ủy ban nhân dân tỉnh ",
                " Về việc phê duyệt quy hoạch ",
                null,
                " Chủ tịch ",
                "",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);

        DocumentMetadata described = typed.described("Quyết định", 4);

        assertThat(described)
                .isEqualTo(new DocumentMetadata(
                        "Quyết định",
                        "15",
                        "QĐ-UBND",
                        ISSUED,
                        null,
                        "Ủy ban nhân dân tỉnh",
                        "Về việc phê duyệt quy hoạch",
                        "vi",
                        4,
                        null,
                        new DocumentMetadata.Signer(SignerAuthority.NONE, "Chủ tịch", null),
                        Priority.NORMAL,
                        Confidentiality.NONE,
                        null,
                        null,
                        null));
        assertThat(IncomingMetadata.of(typed.unitId(), described, null, null, false, false, null)
                        .described("Quyết định", 9))
                .isEqualTo(described);
    }

    @Test
    void theDocumentsJsonKeepsTheDecreesFieldsFlatWithPriorityAndConfidentialityAsNumbers() {
        DocumentView view = new DocumentView(
                UUID.randomUUID(),
                Direction.INCOMING,
                DocumentStatus.REGISTERED,
                UUID.randomUUID(),
                "Sở Xây dựng",
                UUID.randomUUID(),
                2026,
                DocumentType.QUYET_DINH,
                aDecision("15", "QĐ-UBND", Priority.VERY_URGENT, Confidentiality.TOP_SECRET, 2, 5),
                null,
                1,
                null,
                null,
                false,
                UUID.randomUUID(),
                Instant.parse("2026-11-21T02:00:00Z"),
                false,
                List.of(),
                List.of());

        JsonNode json = JsonMapper.builder().build().valueToTree(view);

        List<String> names = new ArrayList<>(json.propertyNames());
        assertThat(names)
                .containsExactly(
                        "id",
                        "direction",
                        "status",
                        "unitId",
                        "unitName",
                        "registerId",
                        "registerYear",
                        "documentType",
                        "typeName",
                        "codeNumber",
                        "codeNotation",
                        "issuedDate",
                        "organId",
                        "organName",
                        "subject",
                        "language",
                        "pageAmount",
                        "description",
                        "signerAuthority",
                        "signerPosition",
                        "signerFullName",
                        "priority",
                        "confidentiality",
                        "issuedAmount",
                        "dueDate",
                        "toPlaces",
                        "arrivalDate",
                        "arrivalNumber",
                        "documentId",
                        "draftingDivisionId",
                        "paper",
                        "createdBy",
                        "createdAt",
                        "noSignedPdf",
                        "files",
                        "recipients",
                        "notation");
        assertThat(json.get("priority").isInt()).isTrue();
        assertThat(json.get("priority").asInt()).isEqualTo(2);
        assertThat(json.get("confidentiality").asInt()).isEqualTo(2);
        assertThat(json.get("signerAuthority").asString()).isEqualTo("KT");
        assertThat(json.get("notation").asString()).isEqualTo("15/QĐ-UBND");
    }
}
