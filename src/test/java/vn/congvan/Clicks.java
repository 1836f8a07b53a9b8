package vn.congvan;

import com.microsoft.playwright.Page;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The clicks the officials of a journey make on its pages, as the pages see them: every click a person
 * makes (a key pressed on a link or a button included), the second click of a double click not counted
 * again, clicks made by scripts not at all.
 */
public final class Clicks {

    private static final String COUNT = "document.addEventListener('click', function (e) {"
            + " if (e.isTrusted && e.detail <= 1 && window.congvanClicked) { window.congvanClicked(); } }, true);";

    private final AtomicInteger count = new AtomicInteger();

    /** Counts the clicks on this page and on every page its context opens from now on. */
    public Page countedOn(Page page) {
        page.context().exposeBinding("congvanClicked", (source, args) -> count.incrementAndGet());
        page.context().addInitScript(COUNT);
        page.evaluate(COUNT);
        return page;
    }

    public int count() {
        return count.get();
    }
}
