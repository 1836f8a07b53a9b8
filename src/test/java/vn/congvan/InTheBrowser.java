package vn.congvan;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tests that drive Debian's Chromium ({@link Browser}): they run in the integration phase
 * (failsafe), after the tests of one process, as {@code ./mvnw verify} and {@code .ci/run} do; a
 * failure keeps what their pages showed ({@link PagesOnFailure}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(InTheBrowser.TAG)
@ExtendWith(PagesOnFailure.class)
public @interface InTheBrowser {

    String TAG = "browser";
}
