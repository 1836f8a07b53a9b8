/** Signature images of people and seal images of units: transparent PNG files. */
@NullMarked
package vn.congvan.signing.images;

import org.jspecify.annotations.NullMarked;
