package vn.congvan.signing.pades;

import eu.europa.esig.dss.enumerations.SignatureLevel;
import java.util.Arrays;
import java.util.Locale;

/**
 * The PAdES baseline levels (ETSI EN 319 142-1) a signature is made at: B-B; B-T, time-stamped;
 * B-LT, with the revocation data of its chains embedded; B-LTA, with an archive time-stamp over it all.
 */
enum SigningLevel {
    B_B(SignatureLevel.PAdES_BASELINE_B),
    B_T(SignatureLevel.PAdES_BASELINE_T),
    B_LT(SignatureLevel.PAdES_BASELINE_LT),
    B_LTA(SignatureLevel.PAdES_BASELINE_LTA);

    /** Room for a time-stamp token (its CMS with the authority's chain) inside the signature. */
    private static final int TIME_STAMP_SIZE = 16 * 1024;

    private final SignatureLevel dss;

    SigningLevel(SignatureLevel dss) {
        this.dss = dss;
    }

    /** The level of its setting's name ({@code B-LT}); refuses an unknown one at start-up. */
    static SigningLevel named(String name) {
        String key = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values())
                .filter(level -> level.name().equals(key))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("congvan.signing.level=" + name
                        + " is not a PAdES baseline level: use B-B, B-T, B-LT or B-LTA"));
    }

    SignatureLevel dss() {
        return dss;
    }

    boolean timeStamped() {
        return this != B_B;
    }

    /** The bytes to reserve for the signature: the configured size, and a time-stamp token's room. */
    int contentSize(int reserved) {
        return timeStamped() ? reserved + TIME_STAMP_SIZE : reserved;
    }

    @Override
    public String toString() {
        return name().replace('_', '-');
    }
}
