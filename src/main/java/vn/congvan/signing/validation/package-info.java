/** Validation of the signatures in a PDF with EU DSS: trust anchors, revocation, reports. */
@NullMarked
package vn.congvan.signing.validation;

import org.jspecify.annotations.NullMarked;
