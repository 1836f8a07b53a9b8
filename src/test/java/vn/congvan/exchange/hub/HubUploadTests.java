package vn.congvan.exchange.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.congvan.exchange.edxml.Edxml;

@HubTest
class HubUploadTests {

    @Autowired
    Edxml edxml;

    @Autowired
    HubBlobs blobs;

    private final AxisCaller officeA = new AxisCaller(HubTest.Settings.PORT, HubTest.SELF, HubTest.SELF_SECRET);
    private final AxisCaller officeB = new AxisCaller(HubTest.Settings.PORT, HubTest.OTHER, HubTest.OTHER_SECRET);
    private String department;
    private String ministry;
    private byte[] large;

    @BeforeEach
    void aLargePackage() {
        department = AxisPackages.anOrganId();
        ministry = AxisPackages.anOrganId();
        officeA.publish(department, "Sở Xây dựng");
        officeB.publish(ministry, "Bộ Xây dựng");
        byte[] dossier = new byte[300_000];
        ThreadLocalRandom.current().nextBytes(dossier);
        large = new AxisPackages(edxml).aDocument(department, List.of(ministry), 20, dossier);
    }

    @Test
    void aLargePackageUploadedInPiecesIsSentFromItsUpload() {
        String location = created(large.length);

        for (int offset = 0; offset < large.length; offset += 100_000) {
            AxisCaller.Answer patched = patch(
                    location, offset, Arrays.copyOfRange(large, offset, Math.min(large.length, offset + 100_000)));
            assertThat(patched.status()).isEqualTo(204);
            assertThat(patched.header("Upload-Offset"))
                    .contains(String.valueOf(Math.min(large.length, offset + 100_000)));
        }
        AxisCaller.Answer sent = officeA.request("POST", "/api/v1/axis/edocs")
                .header("X-Axis-Upload", location.substring(location.lastIndexOf('/') + 1))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .send();

        assertThat(sent.status()).isEqualTo(201);
        assertThat(sent.json()).containsEntry("recipients", List.of(ministry));
        assertThat(officeB.get("/api/v1/axis/edocs/" + sent.json().get("id")).body())
                .isEqualTo(large);
    }

    /**
     * The pieces of a finished upload are named by no row once joined, so the sweep takes them: the hub
     * kept a 5 GB dossier's package twice, its pieces and the package (bench/big-dossier.sh).
     */
    @Test
    void onceAnUploadIsJoinedItsPiecesAreLeftToTheSweepAndThePackageStays() throws Exception {
        String location = created(large.length);
        List<String> pieces = new java.util.ArrayList<>();

        for (int offset = 0; offset < large.length; offset += 100_000) {
            byte[] piece = Arrays.copyOfRange(large, offset, Math.min(large.length, offset + 100_000));
            pieces.add(java.util.HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(piece)));
            assertThat(patch(location, offset, piece).status()).isEqualTo(204);
            if (offset + piece.length < large.length) {
                assertThat(blobs.holding(pieces))
                        .as("pieces of an unfinished upload")
                        .hasSameSizeAs(pieces);
            }
        }

        assertThat(blobs.holding(pieces)).as("pieces of a joined upload").isEmpty();
        AxisCaller.Answer sent = officeA.request("POST", "/api/v1/axis/edocs")
                .header("X-Axis-Upload", location.substring(location.lastIndexOf('/') + 1))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .send();
        assertThat(sent.status()).isEqualTo(201);
        assertThat(officeB.get("/api/v1/axis/edocs/" + sent.json().get("id")).body())
                .isEqualTo(large);
    }

    @Test
    void aPatchCutOffMidwayIsDroppedAndTheUploadResumesFromTheHubsOffset() throws Exception {
        String location = created(large.length);
        assertThat(patch(location, 0, Arrays.copyOfRange(large, 0, 100_000)).status())
                .isEqualTo(204);

        cutOffPatch(location, 100_000, Arrays.copyOfRange(large, 100_000, 200_000), 30_000);
        AxisCaller.Answer head = officeA.request("HEAD", location)
                .header("Tus-Resumable", "1.0.0")
                .send();
        long offset = Long.parseLong(head.header("Upload-Offset").orElseThrow());
        assertThat(offset).isEqualTo(100_000);
        assertThat(head.header("Upload-Length")).contains(String.valueOf(large.length));
        AxisCaller.Answer resumed =
                patch(location, (int) offset, Arrays.copyOfRange(large, (int) offset, large.length));

        assertThat(resumed.status()).isEqualTo(204);
        assertThat(resumed.header("Upload-Offset")).contains(String.valueOf(large.length));
        AxisCaller.Answer sent = officeA.request("POST", "/api/v1/axis/edocs")
                .header("X-Axis-Upload", location.substring(location.lastIndexOf('/') + 1))
                .send();
        assertThat(officeB.get("/api/v1/axis/edocs/" + sent.json().get("id")).body())
                .isEqualTo(large);
    }

    @Test
    void aPatchAtAnotherOffsetThanTheHubsIsRefusedWithTheOffset() {
        String location = created(large.length);

        AxisCaller.Answer refused = patch(location, 500, Arrays.copyOfRange(large, 500, 1000));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json()).containsEntry("code", "exchange.hub.upload-offset");
        assertThat(refused.json().get("detail").toString()).contains("offset 0");
    }

    @Test
    void anUnfinishedUploadCannotBeSent() {
        String location = created(large.length);
        patch(location, 0, Arrays.copyOfRange(large, 0, 1000));

        AxisCaller.Answer refused = officeA.request("POST", "/api/v1/axis/edocs")
                .header("X-Axis-Upload", location.substring(location.lastIndexOf('/') + 1))
                .send();

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json()).containsEntry("code", "exchange.hub.upload-unfinished");
    }

    @Test
    void anUploadOfAnotherSystemIsNotFound() {
        String location = created(large.length);

        AxisCaller.Answer refused = officeB.request("HEAD", location).send();

        assertThat(refused.status()).isEqualTo(404);
    }

    private String created(long length) {
        AxisCaller.Answer created = officeA.request("POST", "/api/v1/axis/uploads")
                .header("Tus-Resumable", "1.0.0")
                .header("Upload-Length", String.valueOf(length))
                .send();
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Tus-Resumable")).contains("1.0.0");
        return created.header("Location").orElseThrow();
    }

    private AxisCaller.Answer patch(String location, int offset, byte[] bytes) {
        return officeA.request("PATCH", location)
                .body(bytes, "application/offset+octet-stream")
                .header("Tus-Resumable", "1.0.0")
                .header("Upload-Offset", String.valueOf(offset))
                .send();
    }

    /** A PATCH whose connection drops after {@code sent} bytes of its body. */
    private void cutOffPatch(String location, int offset, byte[] bytes, int sent) throws Exception {
        Map<String, String> signature = officeA.request("PATCH", location)
                .body(bytes, "application/offset+octet-stream")
                .signatureHeaders();
        StringBuilder head = new StringBuilder("PATCH " + location + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/offset+octet-stream\r\nTus-Resumable: 1.0.0\r\nUpload-Offset: " + offset
                + "\r\nContent-Length: " + bytes.length + "\r\n");
        signature.forEach(
                (name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("\r\n");
        try (Socket socket = new Socket("localhost", HubTest.Settings.PORT)) {
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(bytes, 0, sent);
            out.flush();
            socket.shutdownOutput();
            // Whatever the hub answers to a body cut short, it must not keep a part of it.
            InputStream in = socket.getInputStream();
            in.readAllBytes();
        }
    }
}
