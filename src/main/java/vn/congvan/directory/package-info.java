/** The province's units, their divisions, people, positions and roles (danh bạ). */
@NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "platform", "shared"})
package vn.congvan.directory;

import org.jspecify.annotations.NullMarked;
