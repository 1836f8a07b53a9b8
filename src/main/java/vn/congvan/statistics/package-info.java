/**
 * Statistics (thống kê): figures per unit and period kept incrementally from the other modules'
 * events, rankings against the targets, and the documents behind every figure.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "audit",
            "directory",
            "handling",
            "notification",
            "platform",
            "registry",
            "shared",
            "signing",
            "storage"
        })
package vn.congvan.statistics;

import org.jspecify.annotations.NullMarked;
