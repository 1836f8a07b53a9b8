package vn.congvan.audit.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.congvan.AcrossProcesses;
import vn.congvan.TestDatabase;
import vn.congvan.audit.AuditEntry;
import vn.congvan.audit.chain.AuditRecords;

/**
 * Runs the command as an operator would, in a JVM of its own, against a database of its own: the
 * test breaks that database's chain for real, which must not touch the database other tests share.
 */
@AcrossProcesses
class AuditVerificationCommandTests {

    private final String database =
            "congvan_verify_" + UUID.randomUUID().toString().replace("-", "");
    private String url;

    @BeforeEach
    void createDatabase() throws Exception {
        try (Connection admin =
                DriverManager.getConnection(TestDatabase.url(), TestDatabase.username(), TestDatabase.password())) {
            admin.createStatement().execute("create database " + database + " encoding 'UTF8' template template0");
        }
        url = TestDatabase.url().replaceFirst("/congvan_test(?=\\?|$)", "/" + database);
        assertThat(url).contains(database);
    }

    @AfterEach
    void dropDatabase() throws Exception {
        try (Connection admin =
                DriverManager.getConnection(TestDatabase.url(), TestDatabase.username(), TestDatabase.password())) {
            admin.createStatement().execute("drop database if exists " + database + " with (force)");
        }
    }

    @Test
    void theCommandExitsWith0WhenTheChainIsIntactAnd3WithTheFirstBrokenSeqWhenARecordWasChanged() throws Exception {
        Run empty = verify();
        assertThat(empty.status()).as(empty.output()).isZero();
        assertThat(empty.resultLine()).isEqualTo("Audit trail intact: 0 records verified");

        appendThreeRecords();
        Run intact = verify();
        assertThat(intact.status()).as(intact.output()).isZero();
        assertThat(intact.resultLine()).matches("Audit trail intact: 3 records verified, last hash [0-9a-f]{64}");

        rewriteTheDetailsOfRecord(2);
        Run broken = verify();
        assertThat(broken.status()).as(broken.output()).isEqualTo(AuditVerificationCommand.BROKEN);
        assertThat(broken.resultLine())
                .isEqualTo("Audit trail BROKEN at seq 2 (audit.verify.hash-mismatch), 1 intact records before it");
    }

    private void appendThreeRecords() {
        SimpleDriverDataSource dataSource = dataSource();
        AuditRecords records = new AuditRecords(JdbcClient.create(dataSource), Clock.systemUTC());
        TransactionTemplate transaction = new TransactionTemplate(new JdbcTransactionManager(dataSource));
        for (String step : List.of("drafted", "approved", "issued")) {
            transaction.executeWithoutResult(status -> records.append(new AuditEntry(
                    () -> "document." + step, "document", "1", null, null, "Văn thư", Map.of("step", step))));
        }
    }

    private void rewriteTheDetailsOfRecord(long seq) {
        SimpleDriverDataSource dataSource = dataSource();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        new TransactionTemplate(new JdbcTransactionManager(dataSource)).executeWithoutResult(status -> {
            jdbc.sql("alter table audit_record disable trigger audit_record_append_only")
                    .update();
            jdbc.sql("update audit_record set details = '{\"step\":\"rejected\"}' where seq = ?")
                    .param(seq)
                    .update();
            jdbc.sql("alter table audit_record enable trigger audit_record_append_only")
                    .update();
        });
    }

    private SimpleDriverDataSource dataSource() {
        return new SimpleDriverDataSource(
                new org.postgresql.Driver(), url, TestDatabase.username(), TestDatabase.password());
    }

    /** Runs the jar's main class as the command in docs/operations.md does, with a taken port to prove no web server starts. */
    private Run verify() throws IOException, InterruptedException {
        Path dataDir = Files.createTempDirectory("congvan-verify");
        try (ServerSocket taken = new ServerSocket(0)) {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx384m",
                    "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1",
                    "-Xshare:auto",
                    "-cp",
                    System.getProperty("java.class.path"),
                    "vn.congvan.CongVanApplication",
                    "--congvan.audit.verify=true",
                    "--congvan.db.url=" + url,
                    "--congvan.db.username=" + TestDatabase.username(),
                    "--congvan.db.password=" + TestDatabase.password(),
                    "--congvan.data-dir=" + dataDir,
                    "--server.port=" + taken.getLocalPort()));
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
            return new Run(process.exitValue(), output);
        }
    }

    record Run(int status, String output) {

        String resultLine() {
            return output.lines()
                    .filter(line -> line.startsWith("Audit trail "))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("No result line in:\n" + output));
        }
    }
}
