/**
 * Content-addressed files (tệp): every content is kept once under its SHA-256 and streamed in and
 * out, never held whole in memory.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "directory", "platform", "shared"})
package vn.congvan.storage;

import org.jspecify.annotations.NullMarked;
