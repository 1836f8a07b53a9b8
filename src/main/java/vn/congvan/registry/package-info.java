/** Documents: incoming and outgoing, registers and yearly numbering, files, search and dossiers. */
@NullMarked
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"audit", "directory", "notification", "platform", "shared", "storage"})
package vn.congvan.registry;

import org.jspecify.annotations.NullMarked;
