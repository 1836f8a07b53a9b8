package vn.congvan.signing.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class UnderWayTests {

    private final UnderWay<String, String> underWay = new UnderWay<>();

    @Test
    void aSecondAskerWaitsForTheWorkUnderWayAndSharesItsResultWithoutDoingItAgain() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger done = new AtomicInteger();
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> underWay.run("sha", () -> {
            started.countDown();
            await(release);
            return "verdict " + done.incrementAndGet();
        }));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<String> second =
                CompletableFuture.supplyAsync(() -> underWay.run("sha", () -> "verdict " + done.incrementAndGet()));
        Thread.sleep(100);
        assertThat(second).isNotDone();

        release.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("verdict 1");
        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("verdict 1");
        assertThat(done).hasValue(1);
    }

    @Test
    void whatTheWorkUnderWayThrewIsThrownToWhoeverWaitedForIt() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> underWay.run("sha", () -> {
            started.countDown();
            await(release);
            throw new IllegalStateException("not a PDF");
        }));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Throwable> second = CompletableFuture.supplyAsync(() -> {
            try {
                underWay.run("sha", () -> "never");
                return null;
            } catch (RuntimeException e) {
                return e;
            }
        });
        Thread.sleep(100);
        release.countDown();

        assertThat(second.get(10, TimeUnit.SECONDS)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> first.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void workThatHasEndedIsDoneAgainForTheNextAskerAndOtherKeysNeverWait() {
        assertThat(underWay.run("sha", () -> "first")).isEqualTo("first");
        assertThat(underWay.run("sha", () -> "second")).isEqualTo("second");
        assertThat(underWay.run("other", () -> "other")).isEqualTo("other");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
