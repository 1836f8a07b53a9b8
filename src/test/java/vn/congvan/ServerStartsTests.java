package vn.congvan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

@CongVanTest
class ServerStartsTests {

    @LocalServerPort
    int port;

    @Test
    void healthIsUpAndTheApiRefusesStrangers() {
        RestClient http =
                RestClient.builder().baseUrl("http://localhost:" + port).build();
        String health = http.get().uri("/actuator/health").retrieve().body(String.class);
        assertThat(health).contains("\"UP\"");

        var refused = http.get()
                .uri("/api/v1/units")
                .header("Accept-Language", "en")
                .exchange((req, res) -> res.getStatusCode().value() + " "
                        + new String(res.getBody().readAllBytes()));
        assertThat(refused).startsWith("401").contains("error.unauthorized").contains("Sign in");
    }
}
