package vn.congvan.statistics.figures;

import java.time.Duration;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.congvan.registry.ProvinceGenerated;

/** Counts a generated province's figures before the generator's process ends (it writes no events). */
@Component
class GeneratedProvinceCount {

    private final FigureStore store;

    GeneratedProvinceCount(FigureStore store) {
        this.store = store;
    }

    // Synchronous on purpose: the generator exits as soon as its event is handled.
    @EventListener
    void on(ProvinceGenerated generated) {
        long started = System.nanoTime();
        FigureStore.Recomputation done = store.recompute();
        System.out.printf(
                "Counted statistics of %d documents and %d dossiers in %s%n",
                done.documents(), done.dossiers(), Duration.ofNanos(System.nanoTime() - started));
    }
}
