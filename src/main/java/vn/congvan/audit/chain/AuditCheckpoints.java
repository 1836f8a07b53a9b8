package vn.congvan.audit.chain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.congvan.audit.AuditNotary;

/**
 * Signed checkpoints of the chain's head, one file each under {@code <data-dir>/audit-checkpoints/},
 * outside the database: whoever rewrites the table cannot rewrite them. Taken every
 * {@code congvan.audit.checkpoint-interval} (six hours by default), time-stamped by the configured
 * RFC 3161 service (the demo authority's in a demo installation).
 */
@Component
public class AuditCheckpoints {

    static final String DIRECTORY = "audit-checkpoints";
    private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);

    private final JdbcClient jdbc;
    private final ObjectProvider<AuditNotary> notary;
    private final Path directory;

    // The data directory by its property, not platform's CongVanProperties: platform records sign-ins
    // in the audit trail, and a module cycle would follow.
    AuditCheckpoints(JdbcClient jdbc, ObjectProvider<AuditNotary> notary, @Value("${congvan.data-dir}") Path dataDir) {
        this.jdbc = jdbc;
        this.notary = notary;
        this.directory = dataDir.resolve(DIRECTORY).toAbsolutePath().normalize();
    }

    @Scheduled(
            fixedDelayString = "${congvan.audit.checkpoint-interval:PT6H}",
            initialDelayString = "${congvan.audit.checkpoint-initial-delay:PT10M}")
    void takeOnSchedule() {
        try {
            take();
        } catch (RuntimeException e) {
            log.warn("No checkpoint of the audit trail this time: {}", e.toString());
        }
    }

    /** Time-stamps the head of the chain and keeps it in a file; empty without a chain or a service. */
    public Optional<Checkpoint> take() {
        record Head(long seq, String hash) {}
        Optional<Head> head = jdbc.sql("select seq, hash from audit_record order by seq desc limit 1")
                .query((rs, row) -> new Head(rs.getLong("seq"), rs.getString("hash")))
                .optional();
        AuditNotary service = notary.getIfAvailable();
        if (head.isEmpty() || service == null) {
            return Optional.empty();
        }
        byte[] digest = Checkpoint.digestOf(head.get().seq(), head.get().hash());
        Optional<byte[]> token = service.timeStamp(digest);
        if (token.isEmpty()) {
            log.warn("The audit trail's head is not checkpointed: no time-stamping service is configured"
                    + " (congvan.signing.tsa-url)");
            return Optional.empty();
        }
        Checkpoint checkpoint = new Checkpoint(
                head.get().seq(),
                head.get().hash(),
                service.check(token.get(), digest)
                        .orElseThrow(
                                () -> new IllegalStateException("The time-stamping service answered an invalid token")),
                token.get());
        write(checkpoint);
        log.info("Audit trail checkpoint at record {} time-stamped {}", checkpoint.seq(), checkpoint.stampedAt());
        return Optional.of(checkpoint);
    }

    /** Every kept checkpoint whose token is valid for its head, oldest first. */
    public List<Checkpoint> valid() {
        AuditNotary service = notary.getIfAvailable();
        List<Checkpoint> valid = new ArrayList<>();
        for (Checkpoint checkpoint : read()) {
            if (service != null
                    && service.check(checkpoint.token(), Checkpoint.digestOf(checkpoint.seq(), checkpoint.hash()))
                            .isPresent()) {
                valid.add(checkpoint);
            } else {
                log.warn(
                        "Ignoring the audit checkpoint at record {}: its time-stamp does not vouch for it",
                        checkpoint.seq());
            }
        }
        valid.sort(Comparator.comparingLong(Checkpoint::seq));
        return valid;
    }

    private List<Checkpoint> read() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Checkpoint> checkpoints = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "checkpoint-*.txt")) {
            for (Path file : files) {
                Map<String, String> fields = new LinkedHashMap<>();
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    int eq = line.indexOf('=');
                    if (eq > 0) {
                        fields.put(line.substring(0, eq), line.substring(eq + 1));
                    }
                }
                try {
                    checkpoints.add(Checkpoint.of(fields));
                } catch (RuntimeException unreadable) {
                    log.warn("Ignoring the unreadable audit checkpoint {}", file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return checkpoints;
    }

    private void write(Checkpoint checkpoint) {
        StringBuilder text = new StringBuilder();
        checkpoint
                .fields()
                .forEach((key, value) ->
                        text.append(key).append('=').append(value).append('\n'));
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve("checkpoint-" + String.format("%015d", checkpoint.seq()) + "-"
                    + checkpoint.stampedAt().toEpochMilli() + ".txt");
            Path written = directory.resolve(file.getFileName() + ".new");
            Files.writeString(written, text, StandardCharsets.UTF_8);
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
