/** Technical wiring every module stands on: database, web errors, languages, security. */
@NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "shared"})
package vn.congvan.platform;

import org.jspecify.annotations.NullMarked;
