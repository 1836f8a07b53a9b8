package vn.congvan.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;
import vn.congvan.ApiClient;
import vn.congvan.ApiClient.FilePart;
import vn.congvan.CongVanApplication;
import vn.congvan.CongVanTest;
import vn.congvan.SamplePdf;
import vn.congvan.TestDatabaseInitializer;
import vn.congvan.TestProvince;
import vn.congvan.registry.register.Numbering;
import vn.congvan.shared.Role;

/** Two server nodes on one database, as behind a load balancer. */
@CongVanTest
class NumberingUnderConcurrencyTests {

    static ConfigurableApplicationContext secondNode;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    Numbering numbering;

    @Autowired
    TransactionTemplate transactions;

    @BeforeAll
    static void startASecondNode() {
        secondNode = new SpringApplicationBuilder(CongVanApplication.class)
                .initializers(new TestDatabaseInitializer())
                .properties("server.port=0")
                .run();
    }

    @AfterAll
    static void stopTheSecondNode() {
        secondNode.close();
    }

    @Test
    void aHundredClerksPressingAtOnceOnTwoNodesGetAHundredConsecutiveNumbers() throws Exception {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        TestProvince.Unit unit = province.aUnit("Sở Tài nguyên và Môi trường", "STNMT");
        String username = province.anOfficial("Bùi Thị Văn Thư", Role.CLERK, unit.id());
        String token = province.tokenFor(username);
        int secondPort = Integer.parseInt(secondNode.getEnvironment().getProperty("local.server.port"));
        List<ApiClient> nodes = List.of(new ApiClient(port, token), new ApiClient(secondPort, token));
        byte[] pdf = SamplePdf.withText("CÔNG VĂN");

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService clerks = Executors.newFixedThreadPool(50);
        List<Future<ApiClient.Answer>> answers = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            int n = i;
            answers.add(clerks.submit(() -> {
                start.await();
                Map<String, Object> m = new HashMap<>();
                m.put("unitId", unit.id().toString());
                m.put("typeName", "Công văn");
                m.put("codeNumber", Integer.toString(1000 + n));
                m.put("codeNotation", "UBND-KT");
                m.put("issuedDate", LocalDate.now().minusDays(1).toString());
                m.put("organName", "Ủy ban nhân dân tỉnh Bắc Giang");
                m.put("subject", "Công văn số " + n);
                return nodes.get(n % 2)
                        .multipart("/api/v1/documents/incoming", m, FilePart.pdf("cv.pdf", pdf), List.of());
            }));
        }
        start.countDown();
        List<Integer> numbers = new ArrayList<>();
        for (Future<ApiClient.Answer> answer : answers) {
            ApiClient.Answer a = answer.get();
            assertThat(a.status()).as(a.body()).isEqualTo(201);
            numbers.add((Integer) a.get("arrivalNumber"));
        }
        clerks.shutdown();

        assertThat(numbers)
                .containsExactlyInAnyOrderElementsOf(
                        IntStream.rangeClosed(1, 100).boxed().toList());
    }

    @Test
    void theArrivalYearIsCountedInVietnamTimeAndTheSeriesRestartsOnTheFirstOfJanuary() {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        TestProvince.Unit unit = province.aUnit("Sở Tư pháp", "STP");
        ApiClient clerk =
                new ApiClient(port, province.tokenFor(province.anOfficial("Lý Thị Thu", Role.CLERK, unit.id())));

        assertThat(arriving(clerk, unit, "2025-12-31T09:00:00+07:00").get("arrivalNumber"))
                .isEqualTo(1);
        assertThat(arriving(clerk, unit, "2025-12-31T16:30:00Z").get("arrivalNumber"))
                .isEqualTo(2);
        var newYear = arriving(clerk, unit, "2025-12-31T17:30:00Z");
        assertThat(newYear.get("arrivalNumber")).isEqualTo(1);
        assertThat(newYear.get("registerYear")).isEqualTo(2026);
        assertThat(arriving(clerk, unit, "2026-01-02T08:00:00+07:00").get("arrivalNumber"))
                .isEqualTo(2);
    }

    @Test
    void aNumberGivenInARolledBackTransactionIsGivenAgain() {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        TestProvince.Unit unit = province.aUnit("Sở Nội vụ", "SNV");
        java.util.UUID register = java.util.UUID.randomUUID();
        jdbc.sql("insert into register (id, unit_id, direction, name) values (?, ?, 'OUTGOING', 'Sổ thử')")
                .params(register, unit.id())
                .update();

        assertThat(nextIn(register, 2030)).isEqualTo(1);
        transactions.executeWithoutResult(tx -> {
            assertThat(numbering.next(register, 2030)).isEqualTo(2);
            tx.setRollbackOnly();
        });
        assertThat(nextIn(register, 2030)).isEqualTo(2);
        assertThat(nextIn(register, 2031)).isEqualTo(1);
    }

    private int nextIn(java.util.UUID register, int year) {
        Integer number = transactions.execute(tx -> numbering.next(register, year));
        return number == null ? -1 : number;
    }

    private ApiClient.Answer arriving(ApiClient clerk, TestProvince.Unit unit, String arrivalDate) {
        Map<String, Object> m = new HashMap<>();
        m.put("unitId", unit.id().toString());
        m.put("typeName", "Thông báo");
        m.put("codeNumber", Long.toString(System.nanoTime() % 100000));
        m.put("codeNotation", "TB-UBND");
        m.put("issuedDate", "2025-12-20");
        m.put("organName", "Ủy ban nhân dân tỉnh Bắc Giang");
        m.put("subject", "Thông báo lịch nghỉ Tết");
        m.put("arrivalDate", arrivalDate);
        var answer = clerk.multipart(
                "/api/v1/documents/incoming", m, FilePart.pdf("tb.pdf", SamplePdf.withText("THÔNG BÁO")), List.of());
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer;
    }
}
