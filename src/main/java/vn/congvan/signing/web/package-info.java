/** The signing API. */
@NullMarked
package vn.congvan.signing.web;

import org.jspecify.annotations.NullMarked;
