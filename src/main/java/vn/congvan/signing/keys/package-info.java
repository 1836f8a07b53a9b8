/** Certificates whose keys the server holds, and the key stores that keep them. */
@NullMarked
package vn.congvan.signing.keys;

import org.jspecify.annotations.NullMarked;
