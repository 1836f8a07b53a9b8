package vn.congvan.registry.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.congvan.registry.Confidentiality;
import vn.congvan.registry.Direction;
import vn.congvan.registry.DocumentMetadata;
import vn.congvan.registry.DocumentStatus;
import vn.congvan.registry.DocumentType;
import vn.congvan.registry.DocumentView;
import vn.congvan.registry.Priority;
import vn.congvan.registry.SignerAuthority;
import vn.congvan.registry.register.Register;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.VietnamTime;

/** A document is numbered once, after its approval, and revoked once, after its issue (Decree 30). */
class DocumentLifecycleTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

    private final Register outgoing =
            new Register(UUID.randomUUID(), UUID.randomUUID(), Direction.OUTGOING, "Sổ văn bản đi", false, List.of());
    private final Register incoming =
            new Register(UUID.randomUUID(), outgoing.unitId(), Direction.INCOMING, "Sổ văn bản đến", false, List.of());

    /** The numbers drawn from the register's series, in order. */
    private final List<Integer> drawn = new ArrayList<>();

    private int next(UUID registerId, int year) {
        assertThat(registerId).isEqualTo(outgoing.id());
        drawn.add(drawn.size() + 15);
        return drawn.get(drawn.size() - 1);
    }

    private Document prepared() {
        Document.Issue issue = new Document.Issue(
                DocumentType.QUYET_DINH,
                new DocumentMetadata(
                        "Quyết định",
                        null,
                        null,
                        TODAY.minusDays(2),
                        "000.00.00.H53",
                        "Ủy ban nhân dân tỉnh",
                        "Quyết định về việc phê duyệt",
                        "vi",
                        2,
                        null,
                        new DocumentMetadata.Signer(SignerAuthority.NONE, "Chủ tịch", "Nguyễn Văn A"),
                        Priority.NORMAL,
                        Confidentiality.NONE,
                        null,
                        null,
                        null),
                "UBND",
                null,
                null,
                false);
        return Document.prepare(issue, outgoing, UUID.randomUUID(), Instant.now(), null, List.of(mainPdf()), List.of());
    }

    private Document arrival() {
        Document.Arrival arrival = new Document.Arrival(
                DocumentType.CONG_VAN,
                new DocumentMetadata(
                        "Công văn",
                        "2491",
                        "STC-BCTC",
                        LocalDate.of(2026, 10, 30),
                        "000.00.11.H53",
                        "Sở Tài chính",
                        "Báo cáo tài chính tỉnh",
                        "vi",
                        22,
                        null,
                        new DocumentMetadata.Signer(SignerAuthority.NONE, null, null),
                        Priority.NORMAL,
                        Confidentiality.NONE,
                        null,
                        null,
                        null),
                OffsetDateTime.now(VietnamTime.ZONE),
                null,
                false);
        return Document.arrive(arrival, incoming, 7, UUID.randomUUID(), Instant.now(), null, List.of(mainPdf()));
    }

    private static DocumentView.FileView mainPdf() {
        return new DocumentView.FileView(
                UUID.randomUUID(), "MAIN", 1, "van-ban.pdf", "application/pdf", 10, "0".repeat(64), null);
    }

    private Document numbered(Document d) {
        return d.number(TODAY, this::next, "UBND", null, "000.00.00.H53");
    }

    private static String refusal(Runnable step) {
        try {
            step.run();
        } catch (DomainException e) {
            return e.code();
        }
        throw new AssertionError("the step was not refused");
    }

    @Test
    void aPreparedDocumentTakesTheNextNumberOfItsSeriesWithItsNotationAndIsIssuedThatDay() {
        Document issued = numbered(prepared());

        assertThat(issued.status()).isEqualTo(DocumentStatus.ISSUED);
        assertThat(issued.number()).isEqualTo(15);
        assertThat(issued.metadata().issuedDate()).isEqualTo(TODAY);
        assertThat(issued.registerYear()).isEqualTo(2026);
        assertThat(issued.notationText()).isEqualTo("15/QĐ-UBND");
        assertThat(issued.documentId()).isEqualTo("000.00.00.H53,2026/12/06,15/QĐ-UBND");
    }

    @Test
    void aDocumentIsNeverNumberedTwiceAndTheRefusalDrawsNoNumber() {
        Document issued = numbered(prepared());

        assertThat(refusal(() -> numbered(issued))).isEqualTo("registry.document.not-prepared");
        assertThat(drawn).containsExactly(15);
    }

    @Test
    void anArrivalOrARevokedDocumentIsNeverNumberedAsAnIssue() {
        assertThat(refusal(() -> numbered(arrival()))).isEqualTo("registry.document.not-prepared");
        assertThat(refusal(() -> numbered(numbered(prepared()).revoke()))).isEqualTo("registry.document.not-prepared");
        assertThat(drawn).containsExactly(15);
    }

    @Test
    void anIssuedDocumentAndARegisteredArrivalAreRevokedAndFrozen() {
        assertThat(numbered(prepared()).revoke().status()).isEqualTo(DocumentStatus.REVOKED);
        assertThat(arrival().revoke().status()).isEqualTo(DocumentStatus.REVOKED);
    }

    @Test
    void aRevokedDocumentIsNotRevokedAgain() {
        Document revoked = numbered(prepared()).revoke();

        assertThat(refusal(revoked::revoke)).isEqualTo("registry.document.revoked");
    }

    @Test
    void aDocumentToIssueBringsNoNumberOfItsOwnItsRegisterGivesIt() {
        DocumentMetadata numberedElsewhere = prepared().metadata().numbered("99", "QĐ-UBND", TODAY);

        assertThatThrownBy(
                        () -> new Document.Issue(DocumentType.QUYET_DINH, numberedElsewhere, "UBND", null, null, false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDocumentStillAwaitingIssueCannotBeRevoked() {
        assertThat(refusal(() -> prepared().revoke())).isEqualTo("registry.document.not-issued");
    }
}
