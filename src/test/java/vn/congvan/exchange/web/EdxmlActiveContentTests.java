package vn.congvan.exchange.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import vn.congvan.ApiClient;
import vn.congvan.ApiClient.FilePart;
import vn.congvan.CongVanTest;
import vn.congvan.SamplePdf;
import vn.congvan.TestProvince;
import vn.congvan.shared.Role;

/** An outside agency's package says what its attachments are; what we serve is decided by their bytes. */
@CongVanTest
class EdxmlActiveContentTests {

    private static final byte[] SCRIPT_PAGE =
            "<html><body><script>fetch('/audit')</script></body></html>".getBytes(StandardCharsets.UTF_8);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Test
    void anEdxmlAttachmentDeclaredAsTextHtmlDownloadsAsAnAttachment() {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        TestProvince.Unit committee = province.aUnit("Ủy ban nhân dân huyện Lục Nam", "UBND");
        TestProvince.Unit department = province.aUnit("Sở Nội vụ", "SNV");
        ApiClient sender = new ApiClient(
                port, province.tokenFor(province.anOfficial("Văn Thư Lục Nam", Role.CLERK, committee.id())));
        ApiClient clerk = new ApiClient(
                port, province.tokenFor(province.anOfficial("Văn Thư Sở Nội Vụ", Role.CLERK, department.id())));
        String exported = new String(anIssuedLetterAsEdxml(sender, committee, department), StandardCharsets.UTF_8);

        var imported = clerk.upload(
                HttpMethod.POST,
                "/api/v1/units/" + department.id() + "/edxml",
                "file",
                new FilePart("goi.edxml", withItsSecondAttachmentAsHtml(exported), "application/xml"));

        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        Map<?, ?> html = ((List<?>) imported.get("files"))
                .stream()
                        .map(Map.class::cast)
                        .filter(f -> "phu-luc.html".equals(f.get("fileName")))
                        .findFirst()
                        .orElseThrow();
        var download = clerk.get("/api/v1/documents/" + imported.get("id") + "/files/" + html.get("id"));
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.bytes()).isEqualTo(SCRIPT_PAGE);
        assertThat(download.header("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(download.header("Content-Disposition"))
                .startsWith("attachment;")
                .contains("phu-luc.html");
        assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(download.header("Content-Security-Policy")).contains("sandbox");
    }

    private static byte[] anIssuedLetterAsEdxml(ApiClient sender, TestProvince.Unit from, TestProvince.Unit to) {
        Map<String, Object> m = new HashMap<>();
        m.put("unitId", from.id().toString());
        m.put("typeName", "Công văn");
        m.put("subject", "Về việc gửi danh sách cán bộ");
        m.put("signerPosition", "Chủ tịch");
        m.put("signerFullName", "Trần Văn Chủ");
        m.put("priority", 1);
        m.put("recipients", List.of(Map.of("unitId", to.id().toString())));
        var issued = sender.multipart(
                "/api/v1/documents/outgoing",
                m,
                FilePart.pdf("cong-van.pdf", SamplePdf.withText("CÔNG VĂN")),
                List.of(new FilePart("phu-luc.pdf", SamplePdf.withText("PHỤ LỤC"), "application/pdf")));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        var exported = sender.get("/api/v1/documents/" + issued.get("id") + "/edxml");
        assertThat(exported.status()).isEqualTo(200);
        return exported.bytes();
    }

    /** The sender's system declares an HTML page where a PDF annex was. */
    private static byte[] withItsSecondAttachmentAsHtml(String xml) {
        Matcher attachments = Pattern.compile("<((?:\\w+:)?)Attachment>.*?</\\1Attachment>", Pattern.DOTALL)
                .matcher(xml);
        assertThat(attachments.find()).isTrue();
        assertThat(attachments.find()).as("a second attachment").isTrue();
        String p = attachments.group(1);
        String annex = attachments
                .group()
                .replaceFirst("<" + p + "AttachmentName>[^<]*<", "<" + p + "AttachmentName>phu-luc.html<")
                .replaceFirst("<" + p + "ContentType>[^<]*<", "<" + p + "ContentType>text/html<")
                .replaceFirst(
                        "(?s)<" + p + "ContentTransferEncoded>.*?<",
                        "<" + p + "ContentTransferEncoded>"
                                + Base64.getEncoder().encodeToString(SCRIPT_PAGE) + "<");
        return (xml.substring(0, attachments.start()) + annex + xml.substring(attachments.end()))
                .getBytes(StandardCharsets.UTF_8);
    }
}
