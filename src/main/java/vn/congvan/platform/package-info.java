/** Technical wiring every module stands on: database, web errors, languages, security. */
@NullMarked
package vn.congvan.platform;

import org.jspecify.annotations.NullMarked;
