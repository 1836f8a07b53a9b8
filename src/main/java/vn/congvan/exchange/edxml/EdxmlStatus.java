package vn.congvan.exchange.edxml;

import java.time.LocalDateTime;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A status package (gói tin trạng thái): how far the recipient has gone with a document, e.g. "03"
 * registered or "05" being handled.
 */
public record EdxmlStatus(
        ResponseFor responseFor,
        Organisation from,
        String statusCode,
        String description,
        @Nullable LocalDateTime timestamp,
        @Nullable StaffInfo staffInfo) {

    /**
     * The codes QCVN 102:2016 (with its 2022 amendment) defines: 01 arrived, 02 refused, 03 registered, 04
     * assigned, 05 being handled, 06 done, 13 revocation asked (by the sender), 15 revocation accepted, 16
     * revocation refused; a package with any other code is refused.
     */
    public static final Set<String> QCVN_102_CODES = Set.of("01", "02", "03", "04", "05", "06", "13", "15", "16");

    /** Whether the status answers a revocation (15 accepted, 16 refused), which only a revocation asked may get. */
    public boolean answersARevocation() {
        return statusCode.equals("15") || statusCode.equals("16");
    }
}
