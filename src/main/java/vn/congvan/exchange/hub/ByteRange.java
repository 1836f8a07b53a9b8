package vn.congvan.exchange.hub;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import vn.congvan.shared.DomainException;

/**
 * The bytes of a package a {@code Range} header asks for (one range, RFC 9110): the whole package
 * without one or with one this hub does not read; refused when it starts past the end
 * ({@code exchange.hub.range}, 416).
 */
record ByteRange(long start, long length, long total, boolean partial) {

    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    static ByteRange of(@Nullable String header, long total) {
        Matcher m = header == null ? null : SINGLE.matcher(header.strip());
        if (m == null || !m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return new ByteRange(0, total, total, false);
        }
        long start;
        long end;
        try {
            if (m.group(1).isEmpty()) {
                long suffix = Long.parseLong(m.group(2));
                start = Math.max(0, total - suffix);
                end = total - 1;
            } else {
                start = Long.parseLong(m.group(1));
                end = m.group(2).isEmpty() ? total - 1 : Math.min(Long.parseLong(m.group(2)), total - 1);
            }
        } catch (NumberFormatException tooLong) {
            return new ByteRange(0, total, total, false);
        }
        if (start >= total || end < start) {
            throw new DomainException(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE, "exchange.hub.range", total);
        }
        return new ByteRange(start, end - start + 1, total, true);
    }

    String contentRange() {
        return "bytes " + start + "-" + (start + length - 1) + "/" + total;
    }
}
