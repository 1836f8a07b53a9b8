package vn.congvan;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Tests that start CongVan or its command in processes of their own, or write files past a gigabyte:
 * each needs nothing of the other tests (its own processes, databases and directories), so in the
 * integration phase (failsafe) they run one at a time beside the browser tests, not after them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(AcrossProcesses.TAG)
@Execution(ExecutionMode.CONCURRENT)
public @interface AcrossProcesses {

    String TAG = "processes";
}
