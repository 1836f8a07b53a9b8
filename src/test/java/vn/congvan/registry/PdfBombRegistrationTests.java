package vn.congvan.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

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
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.congvan.ApiClient;
import vn.congvan.ApiClient.FilePart;
import vn.congvan.CongVanTest;
import vn.congvan.DecompressionBombs;
import vn.congvan.TestProvince;
import vn.congvan.shared.Official;
import vn.congvan.shared.Role;

/**
 * A clerk registers a PDF of a megabyte that decodes to a gigabyte: one whose object stream does is
 * refused as PDFBox would open it, in the clerk's language, and nothing is registered; one whose page
 * does is registered without its text, and its page says so.
 */
@CongVanTest
class PdfBombRegistrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    WebApplicationContext context;

    @Autowired
    UserDetailsService officials;

    TestProvince.Unit ward;
    String clerkName;
    ApiClient clerk;
    String marker;

    @BeforeEach
    void aWardClerk() {
        TestProvince province = new TestProvince(jdbc, encoder, port);
        ward = province.aUnit("Ủy ban nhân dân phường Trần Phú", "UBND", "WARD", "COMMUNE", null);
        clerkName = province.anOfficial("Ngô Thị Văn Thư", Role.CLERK, ward.id());
        clerk = new ApiClient(port, province.tokenFor(clerkName));
        marker = "m" + Long.toString(System.nanoTime(), 36);
    }

    @Test
    void aPdfWhoseObjectStreamDecodesToAGigabyteIsRefusedOnUploadInTheClerksLanguageAndNothingIsRegistered() {
        byte[] bomb = DecompressionBombs.aPdfWhoseObjectStreamDecodesTo(1024, false);
        assertThat(bomb.length).as("the PDF sent").isLessThan(2 * 1024 * 1024);

        var vietnamese = clerk.multipart(
                "/api/v1/documents/incoming",
                arrival("Về việc tệp nén " + marker),
                FilePart.pdf("bom.pdf", bomb),
                List.of());
        var english = clerk.inEnglish()
                .multipart(
                        "/api/v1/documents/incoming",
                        arrival("Về việc tệp nén " + marker),
                        FilePart.pdf("bom.pdf", bomb),
                        List.of());

        assertThat(vietnamese.status()).isEqualTo(400);
        assertThat(vietnamese.body()).contains("registry.file.too-large").contains("quá lớn khi giải nén");
        assertThat(english.status()).isEqualTo(400);
        assertThat(english.body()).contains("registry.file.too-large").contains("too large when decoded");
        assertThat(jdbc.sql("select count(*) from document where unit_id = ?")
                        .param(ward.id())
                        .query(Long.class)
                        .single())
                .isZero();
        String sha256 = java.util.HexFormat.of().formatHex(sha256(bomb));
        assertThat(jdbc.sql("select count(*) from blob where sha256 = ?")
                        .param(sha256)
                        .query(Long.class)
                        .single())
                .as("nothing of the refused upload kept")
                .isZero();
    }

    private static byte[] sha256(byte[] content) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(content);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aPdfWhosePageDecodesToAGigabyteIsRegisteredMarkedAsWithoutItsTextInBothLanguages() throws Exception {
        byte[] bomb = DecompressionBombs.aPdfWhosePageDecodesToAGigabyte("bom" + marker);
        var registered = clerk.multipart(
                "/api/v1/documents/incoming",
                arrival("Về việc tệp lớn " + marker),
                FilePart.pdf("bom.pdf", bomb),
                List.of());
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String id = (String) registered.get("id");

        List<?> files = (List<?>) clerk.get("/api/v1/documents/" + id).get("files");
        assertThat(((Map<?, ?>) files.get(0)).get("textNotExtracted")).isEqualTo(true);
        assertThat(page(id, "vi")).contains("Chưa trích được nội dung chữ của tệp");
        assertThat(page(id, "en")).contains("The text of this file was not extracted");
    }

    @Test
    void anOrdinaryPdfCarriesNoSuchMark() throws Exception {
        var registered = clerk.multipart(
                "/api/v1/documents/incoming",
                arrival("Về việc tệp thường " + marker),
                FilePart.pdf("vb.pdf", vn.congvan.SamplePdf.withText("QUYẾT ĐỊNH")),
                List.of());
        String id = (String) registered.get("id");

        assertThat(page(id, "en")).contains("vb.pdf").doesNotContain("The text of this file was not extracted");
    }

    private String page(String id, String language) throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        Official official = (Official) officials.loadUserByUsername(clerkName);
        return mvc.perform(get("/documents/" + id)
                        .header("Accept-Language", language)
                        .with(user(official)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private Map<String, Object> arrival(String subject) {
        Map<String, Object> m = new HashMap<>();
        m.put("unitId", ward.id().toString());
        m.put("typeName", "Công văn");
        m.put("codeNumber", Integer.toString((int) (Math.random() * 900) + 10));
        m.put("codeNotation", "UBND-VP");
        m.put("issuedDate", LocalDate.now().minusDays(1).toString());
        m.put("organName", "Ủy ban nhân dân thành phố Vinh");
        m.put("subject", subject);
        return m;
    }
}
