package vn.congvan.exchange.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.congvan.exchange.axis.AxisSignature;
import vn.congvan.exchange.edxml.Edxml;

@HubTest
class HubAuthenticationTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Edxml edxml;

    private final AxisCaller self = new AxisCaller(HubTest.Settings.PORT, HubTest.SELF, HubTest.SELF_SECRET);

    @Test
    void aRequestSignedWithAnotherSecretIsRefused() {
        AxisCaller.Answer refused = self.request("GET", "/api/v1/axis/agencies")
                .signedWith("guessed")
                .send();

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json()).containsEntry("code", "exchange.hub.bad-signature");
        assertThat(refused.json().get("detail").toString()).contains("signature is wrong");
    }

    @Test
    void aSystemTheHubDoesNotKnowIsRefused() {
        AxisCaller stranger = new AxisCaller(HubTest.Settings.PORT, "office-z", HubTest.SELF_SECRET);

        assertThat(stranger.get("/api/v1/axis/agencies").json()).containsEntry("code", "exchange.hub.bad-signature");
    }

    @Test
    void aRequestWithoutSignatureHeadersIsRefusedEvenWithABearerToken() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var answer = http.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                "http://localhost:" + HubTest.Settings.PORT + "/api/v1/axis/agencies"))
                        .header("Authorization", "Bearer not-a-token")
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).contains("exchange.hub.bad-signature");
    }

    @Test
    void aRequestSignedMoreThanFiveMinutesAgoIsRefusedAsStale() {
        AxisCaller.Answer refused = self.request("GET", "/api/v1/axis/agencies")
                .at(Instant.now().minus(6, ChronoUnit.MINUTES))
                .send();

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json()).containsEntry("code", "exchange.hub.stale-request");
    }

    @Test
    void aRequestFromTheFutureIsRefusedAsStaleToo() {
        assertThat(self.request("GET", "/api/v1/axis/agencies")
                        .at(Instant.now().plus(6, ChronoUnit.MINUTES))
                        .send()
                        .json())
                .containsEntry("code", "exchange.hub.stale-request");
    }

    @Test
    void aRequestRepeatedWithTheSameNonceIsRefusedAsAReplay() {
        String nonce = UUID.randomUUID().toString();
        Instant at = Instant.now();

        AxisCaller.Answer first =
                self.request("GET", "/api/v1/axis/agencies").at(at).nonce(nonce).send();
        AxisCaller.Answer replay =
                self.request("GET", "/api/v1/axis/agencies").at(at).nonce(nonce).send();

        assertThat(first.status()).isEqualTo(200);
        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.json()).containsEntry("code", "exchange.hub.replayed");
    }

    @Test
    void aBodyOtherThanTheSignedOneIsRefusedAndNothingIsStored() {
        String from = AxisPackages.anOrganId();
        String to = AxisPackages.anOrganId();
        AxisCaller other = new AxisCaller(HubTest.Settings.PORT, HubTest.OTHER, HubTest.OTHER_SECRET);
        assertThat(self.publish(from, "Sở Nội vụ").status()).isEqualTo(204);
        assertThat(other.publish(to, "Bộ Nội vụ").status()).isEqualTo(204);
        AxisPackages packages = new AxisPackages(edxml);
        byte[] signed = packages.aDocument(from, List.of(to), 1, new byte[] {1, 2, 3});
        byte[] sent = packages.aDocument(from, List.of(to), 2, new byte[] {1, 2, 3});

        AxisCaller.Answer refused = self.request("POST", "/api/v1/axis/edocs")
                .body(sent, "application/xml")
                .claimingSha256(AxisSignature.hex(AxisSignature.sha256().digest(signed)))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .send();

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json()).containsEntry("code", "exchange.hub.body-mismatch");
        assertThat(jdbc.sql("select count(*) from hub_edoc where from_organ_id = ?")
                        .param(from)
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
