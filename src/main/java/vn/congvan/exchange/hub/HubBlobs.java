package vn.congvan.exchange.hub;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.congvan.storage.BlobColumns;

/** The hub's packages waiting for or delivered to their systems, and its resumable uploads and their chunks. */
@Component
class HubBlobs extends BlobColumns {

    HubBlobs(JdbcClient jdbc) {
        super(jdbc, "hub_edoc.sha256", "hub_upload.sha256", "hub_upload_chunk.sha256");
    }
}
