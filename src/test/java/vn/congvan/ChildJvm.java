package vn.congvan;

import java.lang.management.ManagementFactory;
import java.util.List;

/** What a test passes on to the JVMs it starts (a CongVan server, S3Proxy). */
public final class ChildJvm {

    private ChildJvm() {}

    /**
     * The compiler thresholds and the key stores' cost the build gave this test JVM ({@code test.jit}
     * and {@code test.keystores} in the POM), for a child to run alike.
     */
    public static List<String> options() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(argument -> argument.startsWith("-XX:Tier4") || argument.startsWith("-Dkeystore.pkcs12."))
                .toList();
    }
}
