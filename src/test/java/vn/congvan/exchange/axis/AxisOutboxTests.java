package vn.congvan.exchange.axis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import vn.congvan.exchange.hub.HubTest;
import vn.congvan.shared.DomainException;
import vn.congvan.storage.Blobs;
import vn.congvan.storage.StoredBlob;

@HubTest
class AxisOutboxTests {

    @Autowired
    AxisOutbox outbox;

    @Autowired
    Blobs blobs;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void aPackageEnqueuedInTheCallersTransactionWaitsInTheOutbox() {
        StoredBlob blob = blobs.store(new ByteArrayInputStream(
                ("<edXML>" + UUID.randomUUID() + "</edXML>").getBytes(StandardCharsets.UTF_8)));
        String reference = UUID.randomUUID().toString();

        UUID id = transaction.execute(status -> outbox.enqueue(new OutgoingPackage(
                AxisPackageKind.DOCUMENT,
                "000.00.00.H10,2026/12/01,15/QĐ-UBND",
                blob.sha256(),
                blob.size(),
                List.of("000.00.00.G22"),
                reference)));

        OutboxEntry entry = outbox.entry(id).orElseThrow();
        assertThat(entry.state()).isEqualTo(OutboxState.QUEUED);
        assertThat(entry.attempts()).isZero();
        assertThat(entry.recipients()).containsExactly("000.00.00.G22");
        assertThat(entry.hubId()).isNull();
        assertThat(outbox.entriesFor(reference)).extracting(OutboxEntry::id).containsExactly(id);
        assertThat(outbox.entries(OutboxState.QUEUED, 1000))
                .extracting(OutboxEntry::id)
                .contains(id);
    }

    @Test
    void aPackageRolledBackWithItsCallerIsNotSent() {
        StoredBlob blob = blobs.store(new ByteArrayInputStream(
                ("<edXML>" + UUID.randomUUID() + "</edXML>").getBytes(StandardCharsets.UTF_8)));
        String reference = UUID.randomUUID().toString();

        transaction.executeWithoutResult(status -> {
            outbox.enqueue(new OutgoingPackage(
                    AxisPackageKind.STATUS, "x", blob.sha256(), blob.size(), List.of("000.00.00.G22"), reference));
            status.setRollbackOnly();
        });

        assertThat(outbox.entriesFor(reference)).isEmpty();
    }

    @Test
    void aPackageTheStorageDoesNotKeepIsRefused() {
        String unknown = "ab".repeat(32);

        assertThatThrownBy(() -> outbox.enqueue(new OutgoingPackage(
                        AxisPackageKind.DOCUMENT, "x", unknown, 10, List.of("000.00.00.G22"), null)))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("exchange.axis.not-stored"));
    }
}
