/** Who signs in: a person of the directory with their roles, for form login and API tokens. */
@NullMarked
package vn.congvan.directory.account;

import org.jspecify.annotations.NullMarked;
