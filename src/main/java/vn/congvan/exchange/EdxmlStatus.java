package vn.congvan.exchange;

import java.time.LocalDateTime;
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
        @Nullable StaffInfo staffInfo) {}
