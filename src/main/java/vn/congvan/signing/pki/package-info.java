/** Certificate authorities generated for the demo and for tests: never the source of a real certificate. */
@NullMarked
package vn.congvan.signing.pki;

import org.jspecify.annotations.NullMarked;
