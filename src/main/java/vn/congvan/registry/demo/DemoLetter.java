package vn.congvan.registry.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.jspecify.annotations.Nullable;
import vn.congvan.directory.DemoProvince;
import vn.congvan.directory.UnitKind;
import vn.congvan.platform.PdfFonts;
import vn.congvan.registry.DocumentType;
import vn.congvan.registry.SignerAuthority;

/** A demo document: its type, subject and body, laid out on an A4 page as Decree 30 shapes it. */
record DemoLetter(
        DocumentType type,
        String subject,
        List<String> body,
        @Nullable Integer dueDays) {

    private static final List<DemoLetter> LETTERS = List.of(
            new DemoLetter(
                    DocumentType.CONG_VAN,
                    "Về việc đôn đốc sử dụng chữ ký số trong gửi nhận văn bản điện tử",
                    List.of(
                            "Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh về chuyển đổi số,",
                            "đề nghị các cơ quan, đơn vị ký số 100% văn bản điện tử gửi đi."),
                    10),
            new DemoLetter(
                    DocumentType.QUYET_DINH,
                    "Về việc phê duyệt kế hoạch chuyển đổi số năm 2026",
                    List.of(
                            "Điều 1. Phê duyệt kế hoạch chuyển đổi số năm 2026.",
                            "Điều 2. Quyết định này có hiệu lực kể từ ngày ký."),
                    null),
            new DemoLetter(
                    DocumentType.BAO_CAO,
                    "Báo cáo tình hình kinh tế - xã hội tháng",
                    List.of(
                            "Tình hình kinh tế - xã hội trong tháng tiếp tục ổn định,",
                            "sản xuất nông nghiệp đạt kế hoạch đề ra."),
                    null),
            new DemoLetter(
                    DocumentType.KE_HOACH,
                    "Kế hoạch phòng, chống thiên tai và tìm kiếm cứu nạn",
                    List.of(
                            "Chủ động phòng ngừa, ứng phó kịp thời, khắc phục khẩn trương",
                            "hậu quả thiên tai, bảo đảm an toàn tính mạng của nhân dân."),
                    15),
            new DemoLetter(
                    DocumentType.GIAY_MOI,
                    "Mời dự hội nghị sơ kết công tác cải cách hành chính",
                    List.of(
                            "Thời gian: 08 giờ 00, tại Hội trường Ủy ban nhân dân tỉnh.",
                            "Đề nghị các đại biểu đến dự đúng thành phần, thời gian."),
                    5),
            new DemoLetter(
                    DocumentType.THONG_BAO,
                    "Thông báo kết luận của Chủ tịch Ủy ban nhân dân tỉnh",
                    List.of(
                            "Giao các sở, ngành, địa phương khẩn trương triển khai",
                            "các nhiệm vụ được giao, báo cáo kết quả trước ngày 25 hằng tháng."),
                    20),
            new DemoLetter(
                    DocumentType.TO_TRINH,
                    "Tờ trình đề nghị phê duyệt dự án cải tạo đường tỉnh 398",
                    List.of(
                            "Căn cứ Luật Đầu tư công, đề nghị Ủy ban nhân dân tỉnh",
                            "xem xét, phê duyệt chủ trương đầu tư dự án."),
                    10),
            new DemoLetter(
                    DocumentType.CONG_VAN,
                    "Về việc tăng cường quản lý đất đai, môi trường",
                    List.of(
                            "Yêu cầu Ủy ban nhân dân các huyện, thành phố rà soát",
                            "các trường hợp vi phạm về đất đai, xử lý dứt điểm."),
                    30),
            new DemoLetter(
                    DocumentType.HUONG_DAN,
                    "Hướng dẫn lập hồ sơ công việc trên phần mềm",
                    List.of(
                            "Mỗi công việc được lập một hồ sơ trên phần mềm quản lý văn bản,",
                            "văn bản đến, văn bản đi được đưa vào hồ sơ theo trình tự thời gian."),
                    null),
            new DemoLetter(
                    DocumentType.CHI_THI,
                    "Chỉ thị về tăng cường kỷ luật, kỷ cương hành chính",
                    List.of(
                            "Yêu cầu thủ trưởng các cơ quan, đơn vị chấp hành nghiêm",
                            "giờ giấc làm việc, thực hiện đúng quy chế làm việc."),
                    null));

    static DemoLetter pick(Random random, DemoProvince.Unit issuer) {
        return LETTERS.get(random.nextInt(LETTERS.size()));
    }

    SignerAuthority authority() {
        return type == DocumentType.QUYET_DINH || type == DocumentType.CHI_THI
                ? SignerAuthority.TM
                : SignerAuthority.KT;
    }

    String position(DemoProvince.Unit issuer) {
        boolean committee = issuer.kind() == UnitKind.PROVINCIAL_COMMITTEE
                || issuer.kind() == UnitKind.CITY
                || issuer.kind() == UnitKind.DISTRICT
                || issuer.kind() == UnitKind.TOWN;
        if (authority() == SignerAuthority.TM) {
            return committee ? "Chủ tịch" : "Giám đốc";
        }
        return committee ? "Phó Chủ tịch" : "Phó Giám đốc";
    }

    @Nullable
    LocalDate dueAfter(LocalDate arrival) {
        return dueDays == null ? null : arrival.plusDays(dueDays);
    }

    byte[] pdf(DemoProvince.Unit issuer, LocalDate day) {
        try (PDDocument pdf = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            pdf.addPage(page);
            PDFont regular = PdfFonts.serif(pdf);
            PDFont bold = PdfFonts.serifBold(pdf);
            try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                line(content, bold, 10, 50, 790, issuer.shortName().toUpperCase(new java.util.Locale("vi")));
                line(content, bold, 11, 320, 790, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
                line(content, bold, 12, 350, 774, "Độc lập - Tự do - Hạnh phúc");
                line(
                        content,
                        regular,
                        12,
                        330,
                        745,
                        "Bắc Giang, ngày " + day.getDayOfMonth() + " tháng " + day.getMonthValue() + " năm "
                                + day.getYear());
                line(content, bold, 14, 70, 700, type.vietnameseName().toUpperCase(new java.util.Locale("vi")));
                line(content, regular, 12, 70, 680, subject);
                float y = 640;
                for (String text : body) {
                    line(content, regular, 12, 70, y, text);
                    y -= 20;
                }
                line(
                        content,
                        bold,
                        12,
                        360,
                        y - 40,
                        authority().prefix() + " " + position(issuer).toUpperCase(new java.util.Locale("vi")));
            }
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void line(PDPageContentStream content, PDFont font, float size, float x, float y, String text)
            throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(text);
        content.endText();
    }
}
