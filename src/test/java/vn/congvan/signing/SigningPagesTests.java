package vn.congvan.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
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
import vn.congvan.SamplePdf;
import vn.congvan.TestProvince;
import vn.congvan.shared.Official;
import vn.congvan.shared.Role;
import vn.congvan.signing.keys.SigningCertificates;

@CongVanTest
class SigningPagesTests {

    @LocalServerPort
    int port;

    @Autowired
    WebApplicationContext context;

    @Autowired
    UserDetailsService officials;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    SigningCertificates certificates;

    MockMvc mvc;
    Official chairman;
    Official clerk;
    String documentId;

    @BeforeEach
    void aLetterWaitingForItsSignatures() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        TestProvince province = new TestProvince(jdbc, encoder, port);
        TestSigners signers = new TestSigners(jdbc, certificates);
        TestProvince.Unit commune = province.aUnit("Ủy ban nhân dân xã Vân Trung", "UBND");
        String chairmanName = province.anOfficial("Dương Văn Xã", Role.LEADER, commune.id());
        String clerkName = province.anOfficial("Tạ Thị Thư", Role.CLERK, commune.id());
        signers.personal(chairmanName, commune.id(), commune.name());
        chairman = (Official) officials.loadUserByUsername(chairmanName);
        clerk = (Official) officials.loadUserByUsername(clerkName);
        Map<String, Object> metadata = new HashMap<>();
        metadata.put("unitId", commune.id().toString());
        metadata.put("typeName", "Thông báo");
        metadata.put("subject", "Về lịch tiếp công dân");
        documentId = (String) new ApiClient(port, province.tokenFor(clerkName))
                .multipart(
                        "/api/v1/documents/outgoing",
                        metadata,
                        FilePart.pdf(
                                "tb.pdf",
                                SamplePdf.withText("Về lịch tiếp công dân", "CHỦ TỊCH", "", "", "", "Dương Văn Xã")),
                        List.of())
                .get("id");
    }

    @Test
    void theChairmanSignsFromTheDocumentPageAndSeesTheSignatureValid() throws Exception {
        String before = section(chairman);
        assertThat(before)
                .contains(
                        "Ký số",
                        "Tệp chưa có chữ ký số.",
                        "Chưa ký số",
                        "Kiểm tra lúc",
                        "Kiểm tra lại chữ ký",
                        "Ký số cá nhân")
                .doesNotContain("Ký số cơ quan (đóng dấu)");

        mvc.perform(post("/documents/" + documentId + "/signing")
                        .param("kind", "PERSONAL")
                        .with(csrf())
                        .with(user(chairman)))
                .andExpect(result -> assertThat(result.getResponse().getRedirectedUrl())
                        .isEqualTo("/documents/" + documentId + "#signing"));

        assertThat(section(chairman))
                .contains("Dương Văn Xã", "Ủy ban nhân dân xã Vân Trung", "Hợp lệ", "Chữ ký số hợp lệ.")
                .as("no second personal signature is offered, on any channel")
                .doesNotContain("Ký số cá nhân", "kind=PERSONAL");
    }

    @Test
    void aReCheckValidatesTheFilesAgainAndShowsTheNewTime() throws Exception {
        String sha256 = jdbc.sql("select sha256 from document_file where document_id = ?::uuid")
                .param(documentId)
                .query(String.class)
                .single();
        section(clerk);
        java.sql.Timestamp first = validatedAt(sha256);

        mvc.perform(post("/documents/" + documentId + "/signing/recheck")
                        .with(csrf())
                        .with(user(clerk)))
                .andExpect(result -> assertThat(result.getResponse().getRedirectedUrl())
                        .isEqualTo("/documents/" + documentId + "#signing"));

        assertThat(validatedAt(sha256)).isAfter(first);
    }

    java.sql.Timestamp validatedAt(String sha256) {
        return jdbc.sql("select validated_at from signature_validation where sha256 = ?")
                .param(sha256)
                .query(java.sql.Timestamp.class)
                .single();
    }

    @Test
    void theClerkIsOfferedTheSealAndNotAPersonalSignature() throws Exception {
        assertThat(section(clerk)).contains("Ký số cơ quan (đóng dấu)").doesNotContain("Ký số cá nhân");
    }

    @Test
    void onceTheClerkHasSealedTheMainFileNoSignatureIsOfferedOnItAnyMore() throws Exception {
        new TestSigners(jdbc, certificates)
                .organization(clerk.unitsWhere(Role.CLERK).iterator().next(), "Ủy ban nhân dân xã Vân Trung");
        mvc.perform(post("/documents/" + documentId + "/signing")
                .param("kind", "PERSONAL")
                .with(csrf())
                .with(user(chairman)));
        mvc.perform(post("/documents/" + documentId + "/signing")
                        .param("kind", "ORGANIZATION")
                        .with(csrf())
                        .with(user(clerk)))
                .andExpect(result -> assertThat(result.getResponse().getRedirectedUrl())
                        .isEqualTo("/documents/" + documentId + "#signing"));

        assertThat(section(clerk))
                .contains("Kiểm tra lại chữ ký")
                .doesNotContain("Ký số cơ quan (đóng dấu)", "kind=ORGANIZATION");
        assertThat(section(chairman)).doesNotContain("Ký số cá nhân", "kind=PERSONAL");
    }

    @Test
    void theDocumentPageLoadsTheSection() throws Exception {
        String page = mvc.perform(get("/documents/" + documentId).with(user(clerk)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("hx-get=\"/documents/" + documentId + "/signing\"");
    }

    String section(Official official) throws Exception {
        return mvc.perform(get("/documents/" + documentId + "/signing").with(user(official)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
