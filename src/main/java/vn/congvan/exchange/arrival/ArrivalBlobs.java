package vn.congvan.exchange.arrival;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.congvan.storage.BlobColumns;

/** The packages of electronic arrivals, registered, refused or waiting. */
@Component
class ArrivalBlobs extends BlobColumns {

    ArrivalBlobs(JdbcClient jdbc) {
        super(jdbc, "electronic_arrival.package_sha256");
    }
}
