/** The few value types every module uses: the authenticated official, roles, domain errors. */
@NullMarked
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package vn.congvan.shared;

import org.jspecify.annotations.NullMarked;
