package vn.congvan.signing.validation;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Work on one key done once at a time on this node: whoever asks for a key whose work is under way
 * waits for it and shares its outcome (its result, or what it threw) instead of doing it again.
 */
final class UnderWay<K, V> {

    private final ConcurrentHashMap<K, CompletableFuture<V>> running = new ConcurrentHashMap<>();

    V run(K key, Supplier<V> work) {
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> earlier = running.putIfAbsent(key, mine);
        if (earlier != null) {
            try {
                return earlier.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException thrown) {
                    throw thrown;
                }
                throw e;
            }
        }
        try {
            V result = work.get();
            mine.complete(result);
            return result;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            running.remove(key, mine);
        }
    }
}
