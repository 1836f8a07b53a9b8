package vn.congvan;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Tests that start CongVan or its command in processes of their own, or write files past a gigabyte:
 * they run in the integration phase (failsafe), after the tests of one process, in two JVMs beside
 * the browser tests (failsafe alone on two cores: 373 s in one JVM, 280 s in two).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(AcrossProcesses.TAG)
public @interface AcrossProcesses {

    String TAG = "processes";
}
