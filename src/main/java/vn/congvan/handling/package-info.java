/** The work on documents: handling of incoming documents, drafting and approval, deadlines. */
@NullMarked
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "audit",
            "directory",
            "notification",
            "platform",
            "registry",
            "shared",
            "signing",
            "storage"
        })
package vn.congvan.handling;

import org.jspecify.annotations.NullMarked;
