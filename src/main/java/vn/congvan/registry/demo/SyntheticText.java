package vn.congvan.registry.demo;

import java.util.List;
import vn.congvan.registry.DocumentType;
import vn.congvan.registry.document.SearchableText;

/**
 * The vocabulary synthetic documents are written from: subjects and places in Vietnamese with
 * their folded search forms, and the mix of document types a provincial office sees.
 */
final class SyntheticText {

    static final List<String> SUBJECTS = List.of(
            "Về việc triển khai kế hoạch chuyển đổi số",
            "Về việc báo cáo tình hình kinh tế - xã hội",
            "Về việc phê duyệt quy hoạch sử dụng đất",
            "Về việc tăng cường phòng chống thiên tai",
            "Về việc đôn đốc sử dụng chữ ký số",
            "Về việc tổ chức hội nghị tổng kết năm",
            "Về việc cấp giấy phép xây dựng",
            "Về việc giao chỉ tiêu kế hoạch đầu tư công",
            "Về việc kiểm tra công tác văn thư lưu trữ",
            "Về việc phòng chống dịch bệnh gia súc",
            "Về việc thành lập tổ công tác liên ngành",
            "Về việc giải quyết đơn thư khiếu nại",
            "Về việc bồi thường giải phóng mặt bằng",
            "Về việc tuyển dụng viên chức",
            "Về việc bảo vệ môi trường làng nghề",
            "Về việc điều chỉnh giá đất",
            "Về việc thực hiện cải cách hành chính",
            "Về việc hỗ trợ hộ nghèo",
            "Về việc khen thưởng thành tích",
            "Về việc xây dựng nông thôn mới",
            "Về việc quản lý trật tự đô thị",
            "Về việc đánh giá xếp loại cán bộ",
            "Về việc phân bổ kinh phí sự nghiệp",
            "Về việc an toàn vệ sinh thực phẩm");

    static final List<String> PLACES = List.of(
            "huyện Việt Yên",
            "huyện Yên Dũng",
            "huyện Tân Yên",
            "huyện Hiệp Hòa",
            "huyện Lạng Giang",
            "huyện Lục Nam",
            "huyện Lục Ngạn",
            "huyện Sơn Động",
            "huyện Yên Thế",
            "thành phố Bắc Giang",
            "phường Xương Giang",
            "xã Tăng Tiến",
            "thị trấn Nếnh",
            "xã Hồng Thái",
            "khu công nghiệp Quang Châu",
            "năm 2025",
            "năm 2026",
            "quý I",
            "quý II",
            "quý III",
            "quý IV",
            "tháng cao điểm");

    /** Types in the proportions a provincial office issues them: mostly công văn. */
    static final List<DocumentType> TYPES = List.of(
            DocumentType.CONG_VAN,
            DocumentType.CONG_VAN,
            DocumentType.CONG_VAN,
            DocumentType.CONG_VAN,
            DocumentType.CONG_VAN,
            DocumentType.QUYET_DINH,
            DocumentType.QUYET_DINH,
            DocumentType.THONG_BAO,
            DocumentType.BAO_CAO,
            DocumentType.BAO_CAO,
            DocumentType.KE_HOACH,
            DocumentType.TO_TRINH,
            DocumentType.GIAY_MOI,
            DocumentType.HUONG_DAN,
            DocumentType.CHI_THI,
            DocumentType.NGHI_QUYET);

    private SyntheticText() {}

    static String[] folded(List<String> texts) {
        return texts.stream().map(SearchableText::normalize).toArray(String[]::new);
    }

    static String[] array(List<String> texts) {
        return texts.toArray(String[]::new);
    }
}
