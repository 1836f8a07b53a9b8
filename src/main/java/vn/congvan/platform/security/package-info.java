/** Security: deny by default, bearer tokens for the API, form login with sessions for the UI. */
@NullMarked
package vn.congvan.platform.security;

import org.jspecify.annotations.NullMarked;
