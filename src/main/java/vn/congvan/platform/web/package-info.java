/** Web wiring: refusals mapped to problems and error pages, languages, static resources. */
@NullMarked
package vn.congvan.platform.web;

import org.jspecify.annotations.NullMarked;
