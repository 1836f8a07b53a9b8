/** Settings of the signing module ({@code congvan.signing.*}). */
@NullMarked
package vn.congvan.signing.settings;

import org.jspecify.annotations.NullMarked;
