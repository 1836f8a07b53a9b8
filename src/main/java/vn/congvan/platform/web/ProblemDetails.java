package vn.congvan.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** Builds RFC 9457 problem documents whose detail is localized and whose code is the message key. */
@Component
public class ProblemDetails {

    private final MessageSource messages;

    ProblemDetails(MessageSource messages) {
        this.messages = messages;
    }

    public ResponseEntity<ProblemDetail> response(HttpStatusCode status, String code, Object... args) {
        return response(status, code, Map.of(), args);
    }

    public ResponseEntity<ProblemDetail> response(
            HttpStatusCode status, String code, Map<String, Object> extra, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message(code, locale, args));
        problem.setTitle(message("error.title." + status.value(), locale, defaultTitle(status)));
        problem.setType(URI.create("urn:congvan:problem:" + code));
        problem.setProperty("code", code);
        extra.forEach(problem::setProperty);
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    public String message(String code, Locale locale, Object... args) {
        // Never null: a default message is given.
        return Objects.requireNonNull(messages.getMessage(code, MessageArguments.readable(args), code, locale));
    }

    private static String defaultTitle(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known != null ? known.getReasonPhrase() : String.valueOf(status.value());
    }

    static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }
}
