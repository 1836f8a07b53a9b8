package vn.congvan.shared;

import java.util.List;
import org.springframework.http.HttpStatus;

/** Some fields of a submitted form or metadata part break the rules; each names its message key. */
public class InvalidFieldsException extends DomainException {

    private final transient List<FieldProblem> problems;

    public InvalidFieldsException(List<FieldProblem> problems) {
        super(HttpStatus.BAD_REQUEST, "error.validation");
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** One field and why it was refused. */
    public record FieldProblem(String field, String code, Object... args) {}
}
