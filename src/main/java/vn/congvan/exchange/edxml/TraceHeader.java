package vn.congvan.exchange.edxml;

import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/** One hop of a package: the agency it passed and when. */
public record TraceHeader(String organId, @Nullable LocalDateTime timestamp) {}
