package vn.congvan.notification;

import java.util.UUID;
import java.util.function.Predicate;

/**
 * Implemented by a module that owns what notices link to (the registry's documents): which of
 * those things a person may no longer read, asked each time a notice is shown or e-mailed, so
 * that a right lost after the notice was made hides its text (a secret document's subject).
 */
public interface NoticeScreen {

    /** A test of a notice's link: true when the person may not see what the link is about. */
    Predicate<String> hiddenFrom(UUID personId);
}
