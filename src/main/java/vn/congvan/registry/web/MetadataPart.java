package vn.congvan.registry.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.InvalidFieldsException;
import vn.congvan.shared.InvalidFieldsException.FieldProblem;

/**
 * Reads the {@code metadata} part of a multipart request, whatever content type the client gave
 * it, and checks it against the decree's field rules.
 */
@Component
class MetadataPart {

    private final JsonMapper json;
    private final Validator validator;

    MetadataPart(JsonMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    <T> T read(byte[] body, Class<T> type) {
        T value;
        try {
            value = json.readValue(body, type);
        } catch (JacksonException e) {
            throw DomainException.invalid("registry.metadata.unreadable");
        }
        if (value == null) {
            throw DomainException.invalid("registry.metadata.unreadable");
        }
        check(value);
        return value;
    }

    <T> void check(T value) {
        List<FieldProblem> problems = validator.validate(value).stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(MetadataPart::problem)
                .toList();
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
    }

    private static FieldProblem problem(ConstraintViolation<?> violation) {
        Map<String, Object> attributes = violation.getConstraintDescriptor().getAttributes();
        String key = violation.getMessageTemplate();
        Object limit = attributes.containsKey("max") ? attributes.get("max") : attributes.get("value");
        return limit != null
                ? new FieldProblem(violation.getPropertyPath().toString(), key, limit)
                : new FieldProblem(violation.getPropertyPath().toString(), key);
    }
}
