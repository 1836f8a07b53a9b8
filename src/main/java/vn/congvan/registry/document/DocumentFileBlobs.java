package vn.congvan.registry.document;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.congvan.storage.BlobColumns;

/** The contents of documents' files and of their earlier versions. */
@Component
class DocumentFileBlobs extends BlobColumns {

    DocumentFileBlobs(JdbcClient jdbc) {
        super(jdbc, "document_file.sha256", "document_file_version.sha256");
    }
}
