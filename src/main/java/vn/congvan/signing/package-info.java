/**
 * Digital signatures (chữ ký số): PAdES signing of documents with the appearance Decree 30
 * prescribes, validation of every signature in a PDF, the certificates the server holds keys for.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"audit", "directory", "platform", "registry", "shared", "storage"})
package vn.congvan.signing;

import org.jspecify.annotations.NullMarked;
