package vn.congvan;

import java.lang.management.ManagementFactory;
import java.util.List;

/** What a test passes on to the JVMs it starts (a CongVan server, S3Proxy). */
public final class ChildJvm {

    private ChildJvm() {}

    /** The compiler thresholds the build gave this test JVM ({@code test.jit} in the POM), for a child to compile alike. */
    public static List<String> compilerOptions() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(argument -> argument.startsWith("-XX:Tier4"))
                .toList();
    }
}
