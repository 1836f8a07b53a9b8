package vn.congvan.registry.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.congvan.registry.Confidentiality;
import vn.congvan.registry.Direction;
import vn.congvan.registry.DocumentMetadata;
import vn.congvan.registry.DocumentType;
import vn.congvan.registry.DocumentView;
import vn.congvan.registry.Priority;
import vn.congvan.registry.SignerAuthority;
import vn.congvan.registry.register.Register;
import vn.congvan.shared.VietnamTime;

/** Only an electronic arrival that held no PDF enters the incoming register without a main PDF, and it says so. */
class DocumentWithoutPdfTests {

    private final Register incoming =
            new Register(UUID.randomUUID(), UUID.randomUUID(), Direction.INCOMING, "Sổ văn bản đến", false, List.of());

    private final Document.Arrival arrival = new Document.Arrival(
            DocumentType.CONG_VAN,
            new DocumentMetadata(
                    "Công văn",
                    "2491",
                    "STC-BCTC",
                    LocalDate.of(2020, 10, 30),
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
            "000.00.11.H53,2020/10/30,2491/STC-BCTC",
            false);

    private static DocumentView.FileView file(String role, String name, String contentType) {
        return new DocumentView.FileView(UUID.randomUUID(), role, 1, name, contentType, 10, "0".repeat(64), null);
    }

    @Test
    void aDocumentWhoseFilesHoldNoMainPdfDoesNotEnterTheRegisterAsAnOrdinaryArrival() {
        List<DocumentView.FileView> word = List.of(file("ATTACHMENT", "cong-van.doc", "application/msword"));
        List<DocumentView.FileView> wordAsMain = List.of(file("MAIN", "cong-van.doc", "application/msword"));

        assertThatThrownBy(() -> Document.arrive(arrival, incoming, 1, UUID.randomUUID(), Instant.now(), null, word))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () -> Document.arrive(arrival, incoming, 1, UUID.randomUUID(), Instant.now(), null, wordAsMain))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anArrivalWithoutAnyPdfEntersWithItsFilesAsAttachmentsAndSaysItHasNoSignedPdf() {
        List<DocumentView.FileView> word = List.of(file("ATTACHMENT", "cong-van.doc", "application/msword"));

        Document document =
                Document.arriveWithoutPdf(arrival, incoming, 7, UUID.randomUUID(), Instant.now(), null, word);

        assertThat(document.noSignedPdf()).isTrue();
        assertThat(document.arrivalNumber()).isEqualTo(7);
        assertThat(document.files()).isEqualTo(word);
        assertThat(Document.arrive(
                                arrival,
                                incoming,
                                8,
                                UUID.randomUUID(),
                                Instant.now(),
                                null,
                                List.of(file("MAIN", "cong-van.pdf", "application/pdf")))
                        .noSignedPdf())
                .isFalse();
    }

    @Test
    void aPackageHoldingAPdfIsNeverRegisteredAsOneWithoutPdf() {
        List<DocumentView.FileView> withPdf = List.of(
                file("ATTACHMENT", "cong-van.doc", "application/msword"),
                file("ATTACHMENT", "cong-van.pdf", "application/pdf"));

        assertThatThrownBy(() -> Document.arriveWithoutPdf(
                        arrival, incoming, 1, UUID.randomUUID(), Instant.now(), null, withPdf))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Document.arriveWithoutPdf(
                        arrival, incoming, 1, UUID.randomUUID(), Instant.now(), null, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
