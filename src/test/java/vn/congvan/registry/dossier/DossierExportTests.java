package vn.congvan.registry.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.congvan.registry.dossier.TestOffice.files;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import vn.congvan.ApiClient;
import vn.congvan.CongVanTest;
import vn.congvan.TestProvince;
import vn.congvan.storage.Blobs;
import vn.congvan.storage.StoredBlob;

@CongVanTest
class DossierExportTests {

    static final String TITLE = "Hồ sơ về việc xây dựng nông thôn mới ở xã Tân Mộc";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    Blobs blobs;

    TestOffice office;

    @BeforeEach
    void aDistrictCommittee() {
        office = new TestOffice(new TestProvince(jdbc, encoder, port), port, "Ủy ban nhân dân huyện Lục Ngạn", "UBND");
    }

    @Test
    void theExportHoldsTheCoverThenEveryDocumentInChronologicalOrderAndTheMetadata() throws Exception {
        String report = office.anArrival()
                .numbered("12", "BC-UBND")
                .issuedDaysAgo(5)
                .onPages(3, "BÁO CÁO SỐ 12")
                .about("Báo cáo kết quả thực hiện tiêu chí nông thôn mới")
                .signedBy("Chủ tịch", "Nguyễn Văn Mộc")
                .registered();
        String plan = office.anArrival()
                .numbered("03", "KH-UBND")
                .issuedDaysAgo(40)
                .onPages(2, "KẾ HOẠCH SỐ 03")
                .about("Kế hoạch xây dựng nông thôn mới")
                .registered();
        String notice = office.anArrival()
                .numbered("08", "TB-UBND")
                .issuedDaysAgo(20)
                .onPages(1, "THÔNG BÁO SỐ 08")
                .about("Thông báo kết luận của Chủ tịch")
                .registered();
        String dossier = office.opens(office.specialist, "01.NTM", TITLE);
        for (String document : List.of(report, plan, notice)) {
            files(office.specialist, dossier, document);
        }

        ApiClient.Answer export = office.specialist.get("/api/v1/dossiers/" + dossier + "/export");

        assertThat(export.status()).as(export.body()).isEqualTo(200);
        String fileCode =
                (String) office.specialist.get("/api/v1/dossiers/" + dossier).get("fileCode");
        Map<String, byte[]> entries = unzip(export.bytes());
        assertThat(entries.keySet()).containsExactly(fileCode + ".pdf", fileCode + ".xml");

        try (PDDocument pdf = Loader.loadPDF(entries.get(fileCode + ".pdf"))) {
            assertThat(pdf.getNumberOfPages())
                    .as("a cover page, then 2 + 1 + 3 pages")
                    .isEqualTo(1 + 6);
            String cover = textOf(pdf, 1);
            assertThat(cover)
                    .contains(TITLE)
                    .contains(fileCode)
                    .contains("MỤC LỤC VĂN BẢN")
                    .contains("03/KH-UBND")
                    .contains("Kế hoạch xây dựng nông thôn mới");
            assertThat(cover.indexOf("03/KH-UBND")).isLessThan(cover.indexOf("08/TB-UBND"));
            assertThat(cover.indexOf("08/TB-UBND")).isLessThan(cover.indexOf("12/BC-UBND"));
            assertThat(textOf(pdf, 2)).contains("KẾ HOẠCH SỐ 03");
            assertThat(textOf(pdf, 4)).contains("THÔNG BÁO SỐ 08");
            assertThat(textOf(pdf, 5)).contains("BÁO CÁO SỐ 12");
        }

        Element xml = parse(entries.get(fileCode + ".xml"));
        assertThat(xml.getTagName()).isEqualTo("Dossier");
        assertThat(field(xml, "FileCode")).isEqualTo(fileCode);
        assertThat(field(xml, "Title")).isEqualTo(TITLE);
        assertThat(field(xml, "Maintenance")).isEqualTo("10 năm");
        assertThat(field(xml, "Creator")).isEqualTo("Phạm Thị Chuyên Viên");
        assertThat(field(xml, "Language")).isEqualTo("vi");
        assertThat(field(xml, "DocTotal")).isEqualTo("3");
        assertThat(field(xml, "PageTotal")).isEqualTo("6");
        assertThat(field(xml, "StartDate"))
                .isEqualTo(java.time.LocalDate.now().minusDays(40).toString());
        assertThat(field(xml, "EndDate"))
                .isEqualTo(java.time.LocalDate.now().minusDays(5).toString());
        NodeList documents = xml.getElementsByTagName("Document");
        assertThat(documents.getLength()).isEqualTo(3);
        assertThat(List.of(0, 1, 2)).allSatisfy(i -> {
            Element document = (Element) documents.item(i);
            assertThat(field(document, "DocOrdinal")).isEqualTo(Integer.toString(i + 1));
            assertThat(document.getAttribute("inPdf")).isEqualTo("true");
        });
        assertThat(List.of(0, 1, 2))
                .extracting(i -> field((Element) documents.item(i), "CodeNumber"))
                .containsExactly("03", "08", "12");
        Element last = (Element) documents.item(2);
        assertThat(field(last, "TypeName")).isEqualTo("Công văn");
        assertThat(field(last, "CodeNotation")).isEqualTo("BC-UBND");
        assertThat(field(last, "IssuedDate"))
                .isEqualTo(java.time.LocalDate.now().minusDays(5).toString());
        assertThat(field(last, "OrganName")).isEqualTo("Ủy ban nhân dân tỉnh");
        assertThat(field(last, "Subject")).isEqualTo("Báo cáo kết quả thực hiện tiêu chí nông thôn mới");
        assertThat(field(last, "PageAmount")).isEqualTo("3");
        Element signer = (Element) last.getElementsByTagName("SignerInfo").item(0);
        assertThat(field(signer, "Position")).isEqualTo("Chủ tịch");
        assertThat(field(signer, "FullName")).isEqualTo("Nguyễn Văn Mộc");
    }

    @Test
    void aSecretDocumentIsMaskedInTheExportOfSomeoneWithoutAGrant() throws Exception {
        String open = office.anArrival()
                .numbered("21", "UBND-VP")
                .issuedDaysAgo(9)
                .onPages(2, "CÔNG VĂN 21")
                .registered();
        String secret = office.anArrival()
                .numbered("22", "UBND-NC")
                .issuedDaysAgo(8)
                .onPages(4, "TÀI LIỆU MẬT")
                .about("Về phương án bảo vệ mục tiêu trọng điểm")
                .secret()
                .registered();
        String dossier = office.opens(office.clerk, "02.NC", TITLE);
        files(office.clerk, dossier, open);
        files(office.clerk, dossier, secret);

        var listed = office.specialist.get("/api/v1/dossiers/" + dossier);
        assertThat(TestOffice.documentsOf(listed).get(1))
                .containsEntry("masked", true)
                .containsEntry("notation", "22/UBND-NC")
                .containsEntry("subject", null);

        ApiClient.Answer export = office.specialist.get("/api/v1/dossiers/" + dossier + "/export");
        assertThat(export.status()).isEqualTo(200);
        Map<String, byte[]> entries = unzip(export.bytes());
        byte[] pdfBytes = entries.values().stream().findFirst().orElseThrow();
        try (PDDocument pdf = Loader.loadPDF(pdfBytes)) {
            assertThat(pdf.getNumberOfPages())
                    .as("the cover and the open document only")
                    .isEqualTo(1 + 2);
            String all = new PDFTextStripper().getText(pdf);
            assertThat(all)
                    .doesNotContain("TÀI LIỆU MẬT")
                    .doesNotContain("bảo vệ mục tiêu")
                    .contains("22/UBND-NC")
                    .contains("(Mật)");
        }
        Element xml = parse(entries.values().stream().skip(1).findFirst().orElseThrow());
        Element masked = (Element) xml.getElementsByTagName("Document").item(1);
        assertThat(masked.getAttribute("inPdf")).isEqualTo("false");
        assertThat(field(masked, "CodeNumber")).isEqualTo("22");
        assertThat(field(masked, "Subject")).isEqualTo("(Mật)");
        assertThat(field(xml, "DocTotal")).isEqualTo("2");

        try (PDDocument granted = Loader.loadPDF(
                unzip(office.clerk
                                .get("/api/v1/dossiers/" + dossier + "/export")
                                .bytes())
                        .values()
                        .stream()
                        .findFirst()
                        .orElseThrow())) {
            assertThat(granted.getNumberOfPages()).as("the clerk holds a grant").isEqualTo(1 + 2 + 4);
        }
    }

    @Test
    void aStoredPdfThatDecodesToAGigabyteIsLeftOutOfTheExportAndTheCoverSaysSo() throws Exception {
        String kept = office.anArrival()
                .numbered("31", "UBND-VP")
                .issuedDaysAgo(6)
                .onPages(2, "CÔNG VĂN 31")
                .registered();
        String bombed = office.anArrival()
                .numbered("32", "UBND-VP")
                .issuedDaysAgo(5)
                .onPages(1, "CÔNG VĂN 32")
                .registered();
        // A PDF stored before its object streams were measured: the merger opens every source with PDFBox.
        StoredBlob bomb = blobs.store(
                new ByteArrayInputStream(vn.congvan.DecompressionBombs.aPdfWhoseObjectStreamDecodesTo(1024, false)));
        jdbc.sql("update document_file set sha256 = ?, size = ? where document_id = ?::uuid and role = 'MAIN'")
                .params(bomb.sha256(), bomb.size(), bombed)
                .update();
        String dossier = office.opens(office.specialist, "03.VP", TITLE);
        files(office.specialist, dossier, kept);
        files(office.specialist, dossier, bombed);

        ApiClient.Answer export = office.specialist.get("/api/v1/dossiers/" + dossier + "/export");

        assertThat(export.status()).as(export.body()).isEqualTo(200);
        Map<String, byte[]> entries = unzip(export.bytes());
        byte[] pdfBytes = entries.values().stream().findFirst().orElseThrow();
        Element xml = parse(entries.values().stream().skip(1).findFirst().orElseThrow());
        assertThat(((Element) xml.getElementsByTagName("Document").item(0)).getAttribute("inPdf"))
                .isEqualTo("true");
        assertThat(((Element) xml.getElementsByTagName("Document").item(1)).getAttribute("inPdf"))
                .isEqualTo("false");
        try (PDDocument pdf = Loader.loadPDF(pdfBytes)) {
            assertThat(pdf.getNumberOfPages())
                    .as("the cover and the other document only")
                    .isEqualTo(1 + 2);
            String cover = textOf(pdf, 1);
            assertThat(cover).contains("32/UBND-VP").contains("không đưa vào tệp PDF: tệp quá lớn khi giải nén");
            assertThat(cover.indexOf("31/UBND-VP")).isLessThan(cover.indexOf("32/UBND-VP"));
            assertThat(cover.substring(0, cover.indexOf("32/UBND-VP"))).doesNotContain("không đưa vào");
        }
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static String textOf(PDDocument pdf, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(pdf).replaceAll("\\s+", " ");
    }

    private static Element parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        return document.getDocumentElement();
    }

    /** The text of the element's first child of that name, or null. */
    private static String field(Element parent, String name) {
        for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child && child.getTagName().equals(name)) {
                return child.getTextContent();
            }
        }
        return null;
    }
}
