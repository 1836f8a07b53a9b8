package vn.congvan.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import vn.congvan.ApiClient;
import vn.congvan.ApiClient.FilePart;
import vn.congvan.CongVanTest;
import vn.congvan.SamplePdf;
import vn.congvan.SignedInBrowser;
import vn.congvan.TestProvince;
import vn.congvan.shared.Role;

/**
 * A clerk's attachment is the clerk's content, not ours: an HTML or SVG file stored with a
 * document must never run as a page of CongVan's origin (a stored cross-site script aimed at
 * whoever opens the document), whatever type the uploader declared.
 */
@CongVanTest
class ActiveContentTests {

    private static final byte[] SCRIPT_PAGE =
            "<html><body><script>fetch('/api/v1/auth/token')</script></body></html>".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SCRIPT_IMAGE = ("<svg xmlns=\"http://www.w3.org/2000/svg\">"
                    + "<script>alert(document.cookie)</script></svg>")
            .getBytes(StandardCharsets.UTF_8);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    TestProvince province;
    TestProvince.Unit department;
    String clerkName;
    ApiClient clerk;

    @BeforeEach
    void aDepartmentWithAClerk() {
        province = new TestProvince(jdbc, encoder, port);
        department = province.aUnit("Sở Văn hóa", "SVH");
        clerkName = province.anOfficial("Đỗ Thị Văn Thư", Role.CLERK, department.id());
        clerk = new ApiClient(port, province.tokenFor(clerkName));
    }

    @Test
    void anHtmlAttachmentIsNeverServedInlineFromOurOrigin() throws Exception {
        Stored stored = aDocumentWithTheAttachment(new FilePart("bao-cao.html", SCRIPT_PAGE, "text/html"));

        HttpResponse<byte[]> asked = SignedInBrowser.as(port, clerkName)
                .download("/documents/" + stored.documentId() + "/files/" + stored.attachmentId() + "?inline=true");

        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).isEqualTo(SCRIPT_PAGE);
        assertThat(asked.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        assertThat(asked.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(
                        d -> assertThat(d).startsWith("attachment;").contains("filename*=UTF-8''bao-cao.html"));
        assertThat(asked.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(asked.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(p -> assertThat(p).contains("sandbox").contains("default-src 'none'"));
    }

    @Test
    void anHtmlAttachmentFetchedThroughTheApiIsNotServedAsHtml() {
        Stored stored = aDocumentWithTheAttachment(new FilePart("bao-cao.htm", SCRIPT_PAGE, "text/html"));

        var download = clerk.get("/api/v1/documents/" + stored.documentId() + "/files/" + stored.attachmentId());

        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(download.header("Content-Disposition")).startsWith("attachment;");
        assertThat(download.header("Content-Security-Policy")).contains("sandbox");
    }

    @Test
    void anSvgAttachmentDeclaredAsAnImageIsNeverShownInline() throws Exception {
        Stored stored = aDocumentWithTheAttachment(new FilePart("so-do.svg", SCRIPT_IMAGE, "image/svg+xml"));

        HttpResponse<byte[]> asked = SignedInBrowser.as(port, clerkName)
                .download("/documents/" + stored.documentId() + "/files/" + stored.attachmentId() + "?inline=true");

        assertThat(asked.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        assertThat(asked.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(d -> assertThat(d).startsWith("attachment;"));
        assertThat(asked.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(p -> assertThat(p).contains("sandbox"));
    }

    @Test
    void aFileNameCannotBreakOutOfTheDispositionHeader() {
        Stored stored = aDocumentWithTheAttachment(new FilePart(
                "a\"; filename=evil.html; x=\"Tờ trình.docx",
                "phụ lục".getBytes(StandardCharsets.UTF_8),
                "application/octet-stream"));

        var download = clerk.get("/api/v1/documents/" + stored.documentId() + "/files/" + stored.attachmentId());

        assertThat(download.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"a_ filename=evil.html_ x=To trinh.docx\"; filename*=UTF-8''"
                        + "a%3B%20filename%3Devil.html%3B%20x%3DT%E1%BB%9D%20tr%C3%ACnh.docx");
    }

    @Test
    void theMainPdfIsStillShownInlineForThePreview() throws Exception {
        Stored stored = aDocumentWithTheAttachment(
                new FilePart("ghi-chu.txt", "ghi chú".getBytes(StandardCharsets.UTF_8), "text/plain"));

        HttpResponse<byte[]> preview = SignedInBrowser.as(port, clerkName)
                .download("/documents/" + stored.documentId() + "/files/" + stored.mainId() + "?inline=true");

        assertThat(preview.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(preview.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(d -> assertThat(d).startsWith("inline;"));
        assertThat(preview.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    record Stored(Object documentId, Object mainId, Object attachmentId) {}

    private Stored aDocumentWithTheAttachment(FilePart attachment) {
        Map<String, Object> m = new HashMap<>();
        m.put("unitId", department.id().toString());
        m.put("typeName", "Báo cáo");
        m.put("codeNumber", String.valueOf(System.nanoTime() % 100000));
        m.put("codeNotation", "BC-UBND");
        m.put("issuedDate", LocalDate.now().minusDays(1).toString());
        m.put("organId", "000.00.00.H10");
        m.put("organName", "Ủy ban nhân dân tỉnh Bắc Giang");
        m.put("subject", "Về việc báo cáo tình hình văn hóa");
        m.put("signerPosition", "Chủ tịch");
        m.put("signerFullName", "Nguyễn Văn Gương");
        m.put("priority", 1);
        var registered = clerk.multipart(
                "/api/v1/documents/incoming",
                m,
                FilePart.pdf("bao-cao.pdf", SamplePdf.withText("BÁO CÁO")),
                List.of(attachment));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        List<?> files = (List<?>) registered.get("files");
        return new Stored(
                registered.get("id"), ((Map<?, ?>) files.get(0)).get("id"), ((Map<?, ?>) files.get(1)).get("id"));
    }
}
