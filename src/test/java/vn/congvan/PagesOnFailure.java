package vn.congvan;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * When a browser test fails, keeps what its pages showed at that moment (a screenshot, the address
 * and the HTML of every page still open, in {@code target/screenshots/failed}), so that a failure
 * seen once in a full run can be explained afterwards.
 */
public final class PagesOnFailure implements TestExecutionExceptionHandler {

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        try {
            Browser.keepOpenPages(context.getRequiredTestClass().getSimpleName() + "."
                    + context.getRequiredTestMethod().getName());
        } catch (RuntimeException cannotKeep) {
            failure.addSuppressed(cannotKeep);
        }
        throw failure;
    }
}
