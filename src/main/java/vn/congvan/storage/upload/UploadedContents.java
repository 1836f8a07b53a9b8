package vn.congvan.storage.upload;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.congvan.storage.BlobColumns;

/** A complete upload holds its content until it is used or cancelled: the sweep leaves it. */
@Component
class UploadedContents extends BlobColumns {

    UploadedContents(JdbcClient jdbc) {
        super(jdbc, "file_upload.sha256");
    }
}
