package vn.congvan.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call a web operation: one of these roles in the unit its path names. Checked before
 * the request's body is read, so that a caller without the role makes the server do no work; the
 * operation's own rules still apply after it.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface HoldsRole {

    /** Roles that allow the call when held in the unit of the path. */
    Role[] value();

    /** The path variable holding the unit's id; empty for an operation that names no unit. */
    String unit() default "unitId";

    /** The message key of the refusal, the one the operation's own rule gives. */
    String refusal() default "error.forbidden";

    /** Roles that allow the call whatever unit they are held in (the administrator, the provincial monitor). */
    Role[] anywhere() default {Role.ADMINISTRATOR};
}
