package vn.congvan;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Debian's Chromium driven by Playwright, headless, the way DESIGN.md says the UI is tested. The
 * browser is the system one: Chromium's headless shell ({@code /usr/bin/chromium-headless-shell},
 * installed by {@code .ci/run}), the same engine without a browser's window, which is what
 * Playwright itself runs headless. Full Chromium drawing its hidden window took a third of the
 * processor during the browser tests (the whole failsafe phase is bound by the processor); the shell
 * takes a fifth of that. {@code CONGVAN_CHROMIUM} names another binary, and without the shell the
 * full {@code /usr/bin/chromium} is used.
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getenv()
            .getOrDefault(
                    "CONGVAN_CHROMIUM",
                    Files.isExecutable(Path.of("/usr/bin/chromium-headless-shell"))
                            ? "/usr/bin/chromium-headless-shell"
                            : "/usr/bin/chromium"));

    /** Pages of every browser of this JVM not yet closed, for {@link #keepOpenPages}. */
    private static final Set<Page> OPEN_PAGES = ConcurrentHashMap.newKeySet();

    /** Chromium and its Playwright driver, started once per test JVM at the first browser test. */
    private static com.microsoft.playwright.@Nullable Browser chromium;

    /** The contexts (sessions) this test's pages live in, closed with it. */
    private final Set<BrowserContext> contexts = ConcurrentHashMap.newKeySet();

    /**
     * The browser of one test class. Its pages are in contexts of their own (no cookie, storage or
     * cache shared with another test), in the JVM's one Chromium: starting Chromium and Playwright's
     * driver costs more processor time than most tests' pages, and the suite is bound by the processor.
     */
    public Browser() {
        chromium();
    }

    private static synchronized com.microsoft.playwright.Browser chromium() {
        if (chromium == null) {
            if (!Files.isExecutable(CHROMIUM)) {
                throw new IllegalStateException(
                        "Chromium is needed at " + CHROMIUM + " (apt-get install chromium-headless-shell)");
            }
            Playwright playwright = Playwright.create(
                    new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            chromium = playwright
                    .chromium()
                    .launch(new BrowserType.LaunchOptions()
                            .setExecutablePath(CHROMIUM)
                            .setHeadless(true)
                            .setArgs(List.of(
                                    "--headless",
                                    "--no-sandbox",
                                    "--disable-gpu",
                                    "--disable-background-networking",
                                    "--disable-component-update",
                                    "--disable-sync",
                                    "--no-first-run")));
            Runtime.getRuntime().addShutdownHook(new Thread(playwright::close, "chromium-close"));
        }
        return chromium;
    }

    /** A fresh page in Vietnamese, optionally phone-sized. */
    public Page newPage(boolean phone) {
        return newPage(phone, com.microsoft.playwright.options.ServiceWorkerPolicy.ALLOW);
    }

    /**
     * The same, with or without CongVan's service worker: blocked, every request of the page goes
     * to the network, where {@link Page#route} sees it (the worker answers static files from its cache).
     */
    public Page newPage(boolean phone, com.microsoft.playwright.options.ServiceWorkerPolicy serviceWorkers) {
        var options = new com.microsoft.playwright.Browser.NewContextOptions()
                .setLocale("vi-VN")
                .setAcceptDownloads(true)
                .setServiceWorkers(serviceWorkers);
        if (phone) {
            options.setViewportSize(390, 844).setIsMobile(true).setHasTouch(true);
        }
        BrowserContext context = chromium().newContext(options);
        contexts.add(context);
        Page page = context.newPage();
        OPEN_PAGES.add(page);
        page.onClose(OPEN_PAGES::remove);
        // Playwright dismisses every dialog nobody listens for, and a dismissed "leave this page?"
        // (beforeunload) would cancel a navigation; a person leaves, so the test browser leaves too.
        // Other dialogs are dismissed as Playwright would (tests that must confirm answer
        // window.confirm in the page).
        page.onDialog(dialog -> {
            if (dialog.type().equals("beforeunload")) {
                dialog.accept();
            } else {
                dialog.dismiss();
            }
        });
        return page;
    }

    /**
     * A script for {@link Page#addInitScript}: every {@code window.confirm} of the page answers yes
     * and keeps its question in the tab's {@code sessionStorage} under {@code confirmed}. Answered
     * in the page itself: under load Playwright's dialog handler raced Chromium ("No dialog is showing").
     */
    public static final String CONFIRM_YES =
            "window.confirm = question => { sessionStorage.setItem('confirmed', question); return true; };";

    /**
     * Signs {@code username} in with the demo password on the sign-in page at {@code loginUrl} and
     * waits until the page has left it, so that the next navigation cannot cancel the sign-in.
     */
    public static Page signIn(Page page, String loginUrl, String username) {
        page.navigate(loginUrl);
        page.fill("#username", username);
        page.fill("#password", TestDatabaseInitializer.DEMO_PASSWORD);
        page.click("button[type=submit]");
        page.waitForURL(url -> !url.contains("/login"));
        return page;
    }

    /** Keeps a screenshot, the address and the HTML of every page still open, named after {@code what}. */
    static void keepOpenPages(String what) {
        Path dir = Path.of("target", "screenshots", "failed");
        int n = 0;
        for (Page page : OPEN_PAGES) {
            if (page.isClosed()) {
                continue;
            }
            String name = what + "-" + ++n;
            try {
                Files.createDirectories(dir);
                page.screenshot(new Page.ScreenshotOptions()
                        .setPath(dir.resolve(name + ".png"))
                        .setFullPage(true));
                Files.writeString(dir.resolve(name + ".html"), "<!-- " + page.url() + " -->\n" + page.content());
            } catch (IOException | RuntimeException e) {
                // One page that cannot be kept (closed meanwhile) leaves the others to keep.
            }
        }
    }

    @Override
    public void close() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
    }
}
