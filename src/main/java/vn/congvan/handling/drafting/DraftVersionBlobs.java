package vn.congvan.handling.drafting;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.congvan.storage.BlobColumns;

/** Every PDF a draft had. */
@Component
class DraftVersionBlobs extends BlobColumns {

    DraftVersionBlobs(JdbcClient jdbc) {
        super(jdbc, "draft_version.sha256", "draft_version.source_sha256");
    }
}
