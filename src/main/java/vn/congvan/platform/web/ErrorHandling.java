package vn.congvan.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.InvalidFieldsException;

/**
 * Maps every refusal once: API requests get a problem document, UI requests an error page, both
 * in the reader's language.
 */
@ControllerAdvice
class ErrorHandling {

    private final ProblemDetails problems;

    ErrorHandling(ProblemDetails problems) {
        this.problems = problems;
    }

    @ExceptionHandler(DomainException.class)
    Object domain(DomainException e, HttpServletRequest request, HttpServletResponse response) {
        return answer(request, response, e.status(), e.code(), Map.of(), e.args());
    }

    @ExceptionHandler(InvalidFieldsException.class)
    Object invalidFields(InvalidFieldsException e, HttpServletRequest request, HttpServletResponse response) {
        List<Map<String, String>> fields = e.problems().stream()
                .map(p -> Map.of(
                        "field", p.field(),
                        "code", p.code(),
                        "message", problems.message(p.code(), LocaleContextHolder.getLocale(), p.args())))
                .toList();
        return answer(request, response, HttpStatus.BAD_REQUEST, "error.validation", Map.of("errors", fields));
    }

    @ExceptionHandler(BindException.class)
    Object invalidFields(BindException e, HttpServletRequest request, HttpServletResponse response) {
        List<Map<String, String>> fields = e.getFieldErrors().stream()
                .map(f -> Map.of(
                        "field", f.getField(),
                        "message",
                                problems.message(
                                        f.getDefaultMessage() == null ? "error.invalid" : f.getDefaultMessage(),
                                        LocaleContextHolder.getLocale(),
                                        f.getArguments() == null ? new Object[0] : f.getArguments())))
                .toList();
        return answer(request, response, HttpStatus.BAD_REQUEST, "error.validation", Map.of("errors", fields));
    }

    @ExceptionHandler({
        HttpMessageNotReadableException.class,
        MissingServletRequestPartException.class,
        MissingServletRequestParameterException.class
    })
    Object unreadable(Exception e, HttpServletRequest request, HttpServletResponse response) {
        return answer(request, response, HttpStatus.BAD_REQUEST, "error.request.unreadable", Map.of());
    }

    /** A day that names none (31/02/2027) is refused with what was typed, not as an unreadable request. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    Object mismatched(MethodArgumentTypeMismatchException e, HttpServletRequest request, HttpServletResponse response) {
        if (e.getRequiredType() == LocalDate.class && e.getValue() instanceof String typed) {
            return answer(
                    request, response, HttpStatus.BAD_REQUEST, "validation.day", Map.of("field", e.getName()), typed);
        }
        return unreadable(e, request, response);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request, HttpServletResponse response) {
        return answer(request, response, HttpStatus.CONTENT_TOO_LARGE, "error.upload.too-large", Map.of());
    }

    /** A multipart body whose part headers cannot be read: a NUL in a file name answered 500. */
    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    Object malformedUpload(Exception e, HttpServletRequest request, HttpServletResponse response) {
        return answer(request, response, HttpStatus.BAD_REQUEST, "error.upload.malformed", Map.of());
    }

    @ExceptionHandler(AccessDeniedException.class)
    Object denied(AccessDeniedException e, HttpServletRequest request, HttpServletResponse response) {
        return answer(request, response, HttpStatus.FORBIDDEN, "error.forbidden", Map.of());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    Object method(Exception e, HttpServletRequest request, HttpServletResponse response) {
        return answer(request, response, HttpStatus.METHOD_NOT_ALLOWED, "error.method", Map.of());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    Object missing(Exception e, HttpServletRequest request, HttpServletResponse response) {
        return answer(request, response, HttpStatus.NOT_FOUND, "error.not-found", Map.of());
    }

    private Object answer(
            HttpServletRequest request,
            HttpServletResponse response,
            HttpStatusCode status,
            String code,
            Map<String, Object> extra,
            Object... args) {
        ResponseEntity<ProblemDetail> problem = problems.response(status, code, extra, args);
        if (ProblemDetails.isApi(request)) {
            return problem;
        }
        response.setStatus(status.value());
        ModelAndView page = new ModelAndView("platform/error");
        page.setStatus(status);
        page.addObject("problem", problem.getBody());
        return page;
    }
}
