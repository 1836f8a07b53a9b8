package vn.congvan.signing.images;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.congvan.storage.BlobColumns;

/** The signature and seal images of people and units. */
@Component
class SignatureImageBlobs extends BlobColumns {

    SignatureImageBlobs(JdbcClient jdbc) {
        super(jdbc, "signature_image.sha256");
    }
}
