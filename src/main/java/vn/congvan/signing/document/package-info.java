/** Signing a registered document's files by the rules of signature use. */
@NullMarked
package vn.congvan.signing.document;

import org.jspecify.annotations.NullMarked;
