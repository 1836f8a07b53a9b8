package vn.congvan.exchange.e2e;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Waits for something that other processes bring about, looking again every so often. */
final class Eventually {

    private Eventually() {}

    /**
     * Asks {@code look} until it answers something other than null (an exception counts as not
     * yet), then hands that to {@code check}; fails with {@code what} and the last answer's
     * problem after {@code timeout}.
     */
    static <T> T within(Duration timeout, String what, Supplier<T> look, Consumer<T> check) {
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException last = null;
        while (true) {
            try {
                T seen = look.get();
                if (seen != null) {
                    check.accept(seen);
                    return seen;
                }
            } catch (RuntimeException notYet) {
                last = notYet;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not seen within " + timeout + ": " + what, last);
            }
            CongVanProcess.sleep(Duration.ofMillis(500));
        }
    }
}
