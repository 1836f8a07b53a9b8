package vn.congvan.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.congvan.storage.store.BlobStore;
import vn.congvan.storage.store.BlobStore.KeptContent;
import vn.congvan.storage.store.Sha256;

/**
 * Removes the contents no row names any more (a document's draft replaced, an upload's chunks once
 * joined, a crash between keeping a file and rolling back its row), once they are older than the
 * grace period ({@code congvan.storage.sweep-grace}, a day by default): a content brought by a
 * request still running is never taken. A content is removed only when every {@link BlobHolder}
 * says it names it no more, under the row's lock, which a transaction keeping the same content again
 * holds until it ends (see {@link Blobs}); several nodes may sweep at once.
 */
@Component
class BlobSweep {

    private static final Logger log = LoggerFactory.getLogger(BlobSweep.class);
    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final BlobStore store;
    private final List<BlobHolder> holders;
    private final Clock clock;
    private final Duration grace;
    private final TransactionTemplate transaction;

    BlobSweep(
            JdbcClient jdbc,
            BlobStore store,
            List<BlobHolder> holders,
            Clock clock,
            @Value("${congvan.storage.sweep-grace:P1D}") Duration grace,
            PlatformTransactionManager transactions) {
        if (grace.isNegative() || grace.isZero()) {
            throw new IllegalArgumentException("congvan.storage.sweep-grace must be positive: " + grace);
        }
        this.jdbc = jdbc;
        this.store = store;
        this.holders = List.copyOf(holders);
        this.clock = clock;
        this.grace = grace;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** What one sweep removed. */
    record Swept(int contents, int files, int stagingFiles) {}

    @Scheduled(
            fixedDelayString = "${congvan.storage.sweep-interval:PT6H}",
            initialDelayString = "${congvan.storage.sweep-initial-delay:PT1H}")
    void sweepOnSchedule() {
        try {
            Swept swept = sweep(clock.instant().minus(grace));
            if (swept.contents() + swept.files() + swept.stagingFiles() > 0) {
                log.info(
                        "Swept {} contents no row names, {} files without a row and {} staging leftovers",
                        swept.contents(),
                        swept.files(),
                        swept.stagingFiles());
            }
        } catch (RuntimeException e) {
            log.warn("The sweep of unreferenced contents stopped: {}", e.toString());
        }
    }

    /** Removes what no row names and was kept before the instant. */
    Swept sweep(Instant keptBefore) {
        int contents = sweepRows(keptBefore);
        int files = sweepFiles(keptBefore);
        int staging;
        try {
            staging = store.dropStagingBefore(keptBefore);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Swept(contents, files, staging);
    }

    /** Rows no holder names, in batches, each under the lock of its rows. */
    private int sweepRows(Instant keptBefore) {
        int removed = 0;
        String after = "";
        while (true) {
            String from = after;
            Batch batch = transaction.execute(status -> removeUnheldRows(keptBefore, from));
            if (batch == null || batch.last() == null) {
                return removed;
            }
            removed += batch.removed();
            after = batch.last();
        }
    }

    private record Batch(@Nullable String last, int removed) {}

    private Batch removeUnheldRows(Instant keptBefore, String after) {
        // Skips the rows a transaction keeping the same content holds: it will name it when it commits.
        List<String> candidates = jdbc.sql("""
                        select sha256 from blob where created_at < ? and sha256 > ?
                        order by sha256 limit ? for update skip locked""")
                .params(Timestamp.from(keptBefore), after, BATCH)
                .query(String.class)
                .list();
        if (candidates.isEmpty()) {
            return new Batch(null, 0);
        }
        Set<String> held = heldAmong(candidates);
        int removed = 0;
        for (String sha256 : candidates) {
            if (!held.contains(sha256)) {
                deleteContent(new Sha256(sha256));
                jdbc.sql("delete from blob where sha256 = ?").param(sha256).update();
                removed++;
            }
        }
        return new Batch(candidates.get(candidates.size() - 1), removed);
    }

    /** Files of the store that have no row (a crash after the rename): claimed by a row, then removed. */
    private int sweepFiles(Instant keptBefore) {
        int removed = 0;
        try (Stream<KeptContent> kept = store.keptBefore(keptBefore)) {
            List<KeptContent> batch = new ArrayList<>(BATCH);
            for (KeptContent content : (Iterable<KeptContent>) kept::iterator) {
                if (content.size() > 0) {
                    batch.add(content);
                }
                if (batch.size() == BATCH) {
                    removed += removeRowless(batch);
                    batch.clear();
                }
            }
            removed += removeRowless(batch);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return removed;
    }

    private int removeRowless(List<KeptContent> contents) {
        if (contents.isEmpty()) {
            return 0;
        }
        Set<String> rows = new HashSet<>(jdbc.sql("select sha256 from blob where sha256 = any (cast(? as char(64)[]))")
                .param(contents.stream().map(c -> c.address().hex()).toArray(String[]::new))
                .query(String.class)
                .list());
        int removed = 0;
        for (KeptContent content : contents) {
            if (!rows.contains(content.address().hex()) && claimAndRemove(content)) {
                removed++;
            }
        }
        return removed;
    }

    /**
     * Writes the content's row to take it, as a rollback's clean-up does: the insert waits for a
     * transaction keeping the same content, and does nothing when that one committed. A file some
     * row names without a blob row of its own stays, and gets its blob row back.
     */
    private boolean claimAndRemove(KeptContent content) {
        Boolean removed = transaction.execute(status -> {
            int claimed = jdbc.sql(
                            "insert into blob (sha256, size, created_at) values (?, ?, ?) on conflict do nothing")
                    .params(content.address().hex(), content.size(), Timestamp.from(clock.instant()))
                    .update();
            if (claimed == 0) {
                return false;
            }
            if (!heldAmong(List.of(content.address().hex())).isEmpty()) {
                log.warn(
                        "The content {} is named by a row but had no blob row; it is catalogued again",
                        content.address().hex());
                return false;
            }
            deleteContent(content.address());
            jdbc.sql("delete from blob where sha256 = ?")
                    .param(content.address().hex())
                    .update();
            return true;
        });
        return Boolean.TRUE.equals(removed);
    }

    private Set<String> heldAmong(List<String> addresses) {
        Set<String> held = new HashSet<>();
        for (BlobHolder holder : holders) {
            held.addAll(holder.holding(addresses));
        }
        return held;
    }

    private void deleteContent(Sha256 address) {
        try {
            store.delete(address);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
