package vn.congvan;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The CongVan document office: one executable serving the UI, the API and the exchange. */
@SpringBootApplication
public class CongVanApplication {

    public static void main(String[] args) {
        SpringApplication.run(CongVanApplication.class, args);
    }
}
