package vn.congvan.signing.document;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.congvan.storage.BlobColumns;

/** The files handed out to be signed, while their two-step or plug-in session lasts. */
@Component
class SigningSessionBlobs extends BlobColumns {

    SigningSessionBlobs(JdbcClient jdbc) {
        super(jdbc, "signature_session.file_sha256", "plugin_session.file_sha256");
    }
}
