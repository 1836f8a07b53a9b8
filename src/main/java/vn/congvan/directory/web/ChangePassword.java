package vn.congvan.directory.web;

import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;

/** An official changing their own password: the current one proves it is them. */
record ChangePassword(
        @NotBlank(message = "{directory.validation.current-password-required}") @Nullable
        String currentPassword,

        @NotBlank(message = "{directory.validation.password-required}") @Nullable
        String newPassword) {

    static ChangePassword empty() {
        return new ChangePassword(null, null);
    }

    @Override
    public String toString() {
        return "ChangePassword[…]";
    }
}
