package vn.congvan.exchange.hub;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.LocaleResolver;
import vn.congvan.exchange.axis.AxisSignature;
import vn.congvan.shared.DomainException;

/**
 * Authenticates a request to the hub by its signature headers (docs/axis-protocol.md): a known
 * system, a timestamp inside the window, a signature made with the system's secret, a nonce not
 * seen before, then a body whose hash is the one signed, checked after streaming the body to a
 * temporary file. Any refusal is a 401 problem and reaches no handler; an installation that is no
 * hub answers 404 before reading anything.
 */
final class AxisAuthentication extends OncePerRequestFilter {

    static final String SYSTEM_ATTRIBUTE = AxisAuthentication.class.getName() + ".system";

    private static final Logger log = LoggerFactory.getLogger(AxisAuthentication.class);

    private final HubProperties hub;
    private final HubNonces nonces;
    private final Clock clock;
    private final HandlerExceptionResolver errors;
    private final LocaleResolver locales;
    private final long maxBody;

    AxisAuthentication(
            HubProperties hub,
            HubNonces nonces,
            Clock clock,
            HandlerExceptionResolver errors,
            LocaleResolver locales,
            long maxBody) {
        this.maxBody = maxBody;
        this.hub = hub;
        this.nonces = nonces;
        this.clock = clock;
        this.errors = errors;
        this.locales = locales;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String system = request.getHeader(AxisSignature.SYSTEM);
        @Nullable Path file = null;
        try {
            // Refused before the body is read: an installation that is no hub has nothing here.
            hub.requireHub();
            String claimedSha256 = authenticate(request, system);
            file = Files.createTempFile("axis-request", ".body");
            SpooledBody body = spool(request, file, maxBody);
            if (!body.sha256().equals(claimedSha256)) {
                throw refusal("exchange.hub.body-mismatch");
            }
            request.setAttribute(SYSTEM_ATTRIBUTE, system);
            request.setAttribute(SpooledBody.ATTRIBUTE, body);
            chain.doFilter(body.wrap(request), response);
        } catch (DomainException refused) {
            log.info(
                    "Axis request {} {} of system {} refused: {}",
                    request.getMethod(),
                    request.getRequestURI(),
                    system,
                    refused.code());
            LocaleContextHolder.setLocale(locales.resolveLocale(request));
            errors.resolveException(request, response, null, refused);
        } finally {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** Checks the headers; returns the body hash they sign. */
    private String authenticate(HttpServletRequest request, @Nullable String system) {
        String timestamp = request.getHeader(AxisSignature.TIMESTAMP);
        String nonce = request.getHeader(AxisSignature.NONCE);
        String contentSha256 = request.getHeader(AxisSignature.CONTENT_SHA256);
        String signature = request.getHeader(AxisSignature.SIGNATURE);
        @Nullable String secret = system == null ? null : hub.secretOf(system);
        if (secret == null
                || timestamp == null
                || nonce == null
                || contentSha256 == null
                || signature == null
                || nonce.isBlank()
                || nonce.length() > 100) {
            throw refusal("exchange.hub.bad-signature");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            throw refusal("exchange.hub.bad-signature");
        }
        String pathAndQuery =
                request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        if (!AxisSignature.matches(
                signature.strip(), secret, request.getMethod(), pathAndQuery, seconds, nonce, contentSha256)) {
            throw refusal("exchange.hub.bad-signature");
        }
        if (Math.abs(clock.instant().getEpochSecond() - seconds) > HubNonces.WINDOW.toSeconds()) {
            throw refusal("exchange.hub.stale-request");
        }
        if (!nonces.firstUse(Objects.requireNonNull(system, "known by its secret above"), nonce)) {
            throw refusal("exchange.hub.replayed");
        }
        return contentSha256;
    }

    /** Streams the body to the file, refusing it once past the largest package ({@code exchange.edxml.too-large}). */
    private static SpooledBody spool(HttpServletRequest request, Path file, long maxBody) throws IOException {
        MessageDigest digest = AxisSignature.sha256();
        long size = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = request.getInputStream();
                OutputStream out = new DigestOutputStream(Files.newOutputStream(file), digest)) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                size += n;
                if (size > maxBody) {
                    throw new DomainException(HttpStatus.CONTENT_TOO_LARGE, "exchange.edxml.too-large", maxBody);
                }
            }
        }
        return new SpooledBody(file, size, AxisSignature.hex(digest.digest()));
    }

    private static DomainException refusal(String code) {
        return new DomainException(HttpStatus.UNAUTHORIZED, code);
    }
}
