package vn.congvan.registry.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import vn.congvan.registry.RegistryRefusals;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.InvalidFieldsException;
import vn.congvan.shared.InvalidFieldsException.FieldProblem;

/**
 * Reads the {@code metadata} part of a multipart request, whatever content type the client gave
 * it, and checks it against the decree's field rules.
 */
@Component
class MetadataPart {

    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f]");

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
            throw DomainException.invalid(RegistryRefusals.METADATA_UNREADABLE);
        }
        if (value == null) {
            throw DomainException.invalid(RegistryRefusals.METADATA_UNREADABLE);
        }
        check(value);
        return value;
    }

    <T> void check(T value) {
        List<FieldProblem> problems = new ArrayList<>(validator.validate(value).stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(MetadataPart::problem)
                .toList());
        controlCharacters("", value, problems);
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
    }

    /**
     * A text field holding a control character other than a tab or a line break (a NUL, which
     * PostgreSQL cannot store, answered 500): refused by name like any other invalid field.
     */
    private static void controlCharacters(String path, @Nullable Object value, List<FieldProblem> problems) {
        if (value instanceof String text) {
            if (CONTROL.matcher(text).find()) {
                problems.add(new FieldProblem(path, "validation.control-character"));
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                controlCharacters(path + "[" + i + "]", list.get(i), problems);
            }
        } else if (value instanceof Record record) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                try {
                    controlCharacters(
                            path.isEmpty() ? component.getName() : path + "." + component.getName(),
                            component.getAccessor().invoke(record),
                            problems);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
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
