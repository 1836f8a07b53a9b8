package vn.congvan;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Tests that drive Debian's Chromium ({@link Browser}): they run in the integration phase
 * (failsafe), after the tests of one process, as {@code ./mvnw verify} and {@code .ci/run} do.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(InTheBrowser.TAG)
public @interface InTheBrowser {

    String TAG = "browser";
}
