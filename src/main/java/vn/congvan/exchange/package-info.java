/**
 * Exchange of documents with other agencies (liên thông văn bản): edXML packages (QCVN 102:2016)
 * read leniently and written in one canonical form.
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
package vn.congvan.exchange;

import org.jspecify.annotations.NullMarked;
