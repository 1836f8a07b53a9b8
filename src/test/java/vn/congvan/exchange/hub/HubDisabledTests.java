package vn.congvan.exchange.hub;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.congvan.CongVanTest;

@CongVanTest
class HubDisabledTests {

    @LocalServerPort
    int port;

    @Test
    void anInstallationThatIsNoHubAnswersEveryAxisOperationWithNotAHub() {
        AxisCaller caller = new AxisCaller(port, HubTest.SELF, HubTest.SELF_SECRET);

        AxisCaller.Answer agencies = caller.get("/api/v1/axis/agencies");
        AxisCaller.Answer received = caller.get("/api/v1/axis/edocs/received");

        assertThat(agencies.status()).isEqualTo(404);
        assertThat(agencies.json()).containsEntry("code", "exchange.hub.not-a-hub");
        assertThat(received.json()).containsEntry("code", "exchange.hub.not-a-hub");
    }
}
