package vn.congvan.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.context.WebApplicationContext;
import vn.congvan.ApiClient;
import vn.congvan.ApiClient.FilePart;
import vn.congvan.CongVanTest;
import vn.congvan.PagesAs;
import vn.congvan.SamplePdf;
import vn.congvan.TestProvince;
import vn.congvan.shared.Role;

/** The clerk's form for a document issued on paper or registered directly, addressed through the picker of recipients. */
@CongVanTest
class OutgoingFormTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    WebApplicationContext context;

    TestProvince province;
    TestProvince.Unit district;
    TestProvince.Unit commune;
    String clerkName;
    ApiClient clerk;
    String ministry;

    @BeforeEach
    void aDistrictWithItsClerkACommuneAndAMinistryOnTheAxis() {
        province = new TestProvince(jdbc, encoder, port);
        district = province.aUnit("Ủy ban nhân dân huyện Yên Thế", "UBND", "DISTRICT", "DISTRICT", null);
        commune = province.aUnit("Ủy ban nhân dân xã Đồng Kỳ", "UBND", "COMMUNE", "COMMUNE", district.id());
        clerkName = province.anOfficial("Thân Thị Văn Thư", Role.CLERK, district.id());
        clerk = new ApiClient(port, province.tokenFor(clerkName));
        ministry = "000.00.00.G" + (System.nanoTime() % 90 + 10);
        jdbc.sql("insert into axis_agency (organ_id, name, system_id, synced_at) values (?, 'Bộ Nội vụ', 'other',"
                        + " now()) on conflict (organ_id) do nothing")
                .param(ministry)
                .update();
    }

    @AfterEach
    void theMinistryLeavesTheAxis() {
        jdbc.sql("delete from axis_agency where organ_id = ?").param(ministry).update();
    }

    @Test
    void theFormAddressesAUnitAnAgencyOutsideAndAnotherBodyFromThePickerInThatOrder() throws Exception {
        PagesAs pages = new PagesAs(context);
        var form = pages.page("/outgoing/new", clerkName);
        assertThat(form.select("#recipients .picker-group").eachAttr("data-group"))
                .contains("DISTRICT", "COMMUNE", "OUTSIDE");
        assertThat(form.select(
                        ".picker-group[data-group=COMMUNE] input[name=recipientUnitIds][value=" + commune.id() + "]"))
                .hasSize(1);
        assertThat(form.select(".picker-group[data-group=OUTSIDE] label:has(input[name=outsideOrganIds][value="
                                + ministry + "])")
                        .text())
                .isEqualTo("Bộ Nội vụ");
        assertThat(form.select("#recipients .picker-count").text()).isEqualTo("Chưa chọn nơi nhận");
        assertThat(form.select("#recipients legend").text()).isEqualTo("Nơi nhận");
        assertThat(form.select("#otherRecipients")).as("bodies in no directory").hasSize(1);

        var issued = pages.post("/outgoing", clerkName, letter(ministry));

        assertThat(issued.redirectedTo()).startsWith("/documents/");
        String id = issued.redirectedTo().substring("/documents/".length());
        assertThat(jdbc.sql("select coalesce(unit_id::text, organ_id, '—') || ' ' || organ_name from document_recipient"
                                + " where document_id = ?::uuid order by position")
                        .param(id)
                        .query(String.class)
                        .list())
                .containsExactly(commune.id() + " " + commune.name(), ministry + " Bộ Nội vụ", "— Lưu: VT");
    }

    @Test
    void anUnknownAgencyIsRefusedByItsCodeNothingIsRegisteredAndTheUnitTickedStaysTicked() throws Exception {
        PagesAs pages = new PagesAs(context);
        long before = jdbc.sql("select count(*) from document where unit_id = ?")
                .param(district.id())
                .query(Long.class)
                .single();

        var again = pages.answer("/outgoing", clerkName, letter("000.00.00.Z99"));

        var shown = org.jsoup.Jsoup.parse(again.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(shown.select(".alert.error li").text())
                .contains("Cơ quan ngoài tỉnh")
                .contains("Không có cơ quan mã 000.00.00.Z99 trong danh bạ trục liên thông.");
        assertThat(shown.select("input[name=recipientUnitIds][value=" + commune.id() + "]")
                        .hasAttr("checked"))
                .isTrue();
        assertThat(shown.select("details.picker-group[data-group=COMMUNE]").hasAttr("open"))
                .isTrue();
        assertThat(shown.select("#recipients .picker-count").text()).isEqualTo("Đã chọn 1 nơi nhận");
        assertThat(jdbc.sql("select count(*) from document where unit_id = ?")
                        .param(district.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }

    private Map<String, String> letter(String organId) {
        Map<String, String> fields = new HashMap<>(Map.of(
                "unitId", district.id().toString(),
                "typeName", "CONG_VAN",
                "subject", "Về việc tổ chức lễ hội Yên Thế năm 2026",
                "signerAuthority", "NONE",
                "priority", "0",
                "confidentiality", "0",
                "recipientUnitIds", commune.id().toString(),
                "outsideOrganIds", organId,
                "otherRecipients", "Lưu: VT"));
        fields.put(
                "fileUploadId",
                clerk.uploaded(FilePart.pdf("cong-van.pdf", SamplePdf.withText("CÔNG VĂN")))
                        .toString());
        return fields;
    }
}
