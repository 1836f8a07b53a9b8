package vn.congvan.exchange.axis;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.congvan.storage.BlobColumns;

/** The packages of the installation's outbox and inbox on the axis. */
@Component
class AxisBlobs extends BlobColumns {

    AxisBlobs(JdbcClient jdbc) {
        super(jdbc, "axis_outbox.sha256", "axis_inbox.sha256");
    }
}
