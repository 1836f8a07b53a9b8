package vn.congvan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import vn.congvan.TestDatabase;

/**
 * Two nodes are two {@link ClusterJobs} on the test database, each call on a connection of its own,
 * as on two servers.
 */
class ClusterJobsTests {

    /** Jobs of this test only. */
    enum TestJob implements ClusterJob {
        FIRST("test.first-job"),
        SECOND("test.second-job");

        private final String jobName;

        TestJob(String jobName) {
            this.jobName = jobName;
        }

        @Override
        public String jobName() {
            return jobName;
        }
    }

    private final DriverManagerDataSource database =
            new DriverManagerDataSource(TestDatabase.url(), TestDatabase.username(), TestDatabase.password());
    private final ClusterJobs nodeA = new ClusterJobs(database);
    private final ClusterJobs nodeB = new ClusterJobs(database);
    private final ExecutorService elsewhere = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        elsewhere.shutdownNow();
    }

    @Test
    void whileOneNodeRunsAJobAnotherNodeDoesNotRunItButRunsADifferentJob() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Boolean> first = elsewhere.submit(() -> nodeA.runAlone(TestJob.FIRST, () -> {
            started.countDown();
            await(release);
        }));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        List<String> ranOnB = new ArrayList<>();
        assertThat(nodeB.runAlone(TestJob.FIRST, () -> ranOnB.add("first"))).isFalse();
        assertThat(nodeB.runAlone(TestJob.SECOND, () -> ranOnB.add("second"))).isTrue();
        assertThat(ranOnB).containsExactly("second");

        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(nodeB.runAlone(TestJob.FIRST, () -> ranOnB.add("first"))).isTrue();
        assertThat(ranOnB).containsExactly("second", "first");
    }

    @Test
    void aNodeTakingItsTurnWaitsUntilTheOtherHasFinishedTheJob() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> steps = new CopyOnWriteArrayList<>();
        Future<?> first = elsewhere.submit(() -> nodeA.runInTurn(TestJob.FIRST, () -> {
            started.countDown();
            await(release);
            steps.add("A finished");
        }));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        Future<?> second = elsewhere.submit(() -> nodeB.runInTurn(TestJob.FIRST, () -> steps.add("B ran")));

        assertThat(waitsLongerThanHalfASecond(second)).isTrue();
        assertThat(steps).isEmpty();
        release.countDown();
        first.get(10, TimeUnit.SECONDS);
        second.get(10, TimeUnit.SECONDS);
        assertThat(steps).containsExactly("A finished", "B ran");
    }

    @Test
    void insideATransactionTheJobStaysTakenUntilTheTransactionEnds() throws Exception {
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(database));
        List<Boolean> whileOpen = new ArrayList<>();
        transaction.executeWithoutResult(status -> {
            assertThat(nodeA.runAlone(TestJob.FIRST, () -> {})).isTrue();
            // The work is done, the transaction not yet committed: what it wrote is not yet seen.
            whileOpen.add(fromElsewhere(() -> nodeB.runAlone(TestJob.FIRST, () -> {})));
            whileOpen.add(fromElsewhere(() -> nodeB.runAlone(TestJob.SECOND, () -> {})));
        });
        assertThat(whileOpen).containsExactly(false, true);
        assertThat(fromElsewhere(() -> nodeB.runAlone(TestJob.FIRST, () -> {}))).isTrue();
    }

    @Test
    void everyJobOfEveryCatalogueHasANameAndALockOfItsOwn() throws Exception {
        Map<Integer, String> byKey = new HashMap<>();
        List<String> names = new ArrayList<>();
        for (Class<?> catalogue : catalogues()) {
            assertThat(catalogue.isEnum()).as(catalogue + " is an enum").isTrue();
            for (Object constant : catalogue.getEnumConstants()) {
                ClusterJob job = (ClusterJob) constant;
                assertThat(job.jobName()).as(catalogue + "." + constant).matches("[a-z]+\\.[a-z][a-z-]*[a-z]");
                String other = byKey.put(ClusterJobs.key(job), job.jobName());
                assertThat(other).as("the same lock as " + job.jobName()).isNull();
                names.add(job.jobName());
            }
        }
        assertThat(names)
                .contains(
                        "exchange.axis-inbox",
                        "exchange.axis-outbox",
                        "exchange.axis-directory",
                        "handling.reminders",
                        "directory.installation",
                        "signing.demo-certificates");
    }

    @Test
    void everyOtherAdvisoryLockHasOneKeySoNoneCanBeAJobsLock() throws IOException {
        Pattern lock = Pattern.compile("pg_(?:try_)?advisory_(?:xact_)?(?:lock|unlock)(?:_shared)?\\(");
        List<String> found = new ArrayList<>();
        List<String> twoKeys = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source :
                    sources.filter(s -> s.toString().endsWith(".java")).toList()) {
                if (source.endsWith(Path.of("vn/congvan/platform/ClusterJobs.java"))) {
                    continue;
                }
                String code = Files.readString(source);
                Matcher call = lock.matcher(code);
                while (call.find()) {
                    found.add(source.getFileName().toString());
                    if (topLevelArguments(code, call.end()) != 1) {
                        twoKeys.add(
                                source + ": " + code.substring(call.start(), Math.min(code.length(), call.end() + 40)));
                    }
                }
            }
        }
        assertThat(found)
                .contains(
                        "AuditRecords.java",
                        "Registers.java",
                        "FigureStore.java",
                        "HubAgencies.java",
                        "MonthlyReports.java");
        assertThat(twoKeys).isEmpty();
    }

    /** How many arguments the call whose "(" ends just before {@code from} takes. */
    private static int topLevelArguments(String code, int from) {
        int depth = 0;
        int arguments = 1;
        for (int i = from; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (depth == 0) {
                    return arguments;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                arguments++;
            }
        }
        throw new IllegalStateException("unclosed call at " + from);
    }

    static List<Class<?>> catalogues() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isIndependent()
                        && !definition.getMetadata().isInterface();
            }
        };
        scanner.addIncludeFilter(new AssignableTypeFilter(ClusterJob.class));
        List<Class<?>> found = new ArrayList<>();
        for (BeanDefinition definition : scanner.findCandidateComponents("vn.congvan")) {
            found.add(Class.forName(definition.getBeanClassName()));
        }
        return found;
    }

    /** Calls on another thread, as another node would, outside the caller's transaction. */
    private <T> T fromElsewhere(java.util.concurrent.Callable<T> call) {
        try {
            return elsewhere.submit(call).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean waitsLongerThanHalfASecond(Future<?> future) throws Exception {
        try {
            future.get(500, TimeUnit.MILLISECONDS);
            return false;
        } catch (TimeoutException e) {
            return true;
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
