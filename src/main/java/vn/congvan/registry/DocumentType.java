package vn.congvan.registry;

import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The administrative document types of Decree 30 (thể loại văn bản) with the abbreviation used in
 * notations; công văn and thư công have none. The copies are the three copy forms.
 */
public enum DocumentType {
    NGHI_QUYET("Nghị quyết", "NQ"),
    QUYET_DINH("Quyết định", "QĐ"),
    CHI_THI("Chỉ thị", "CT"),
    QUY_CHE("Quy chế", "QC"),
    QUY_DINH("Quy định", "QyĐ"),
    THONG_CAO("Thông cáo", "TC"),
    THONG_BAO("Thông báo", "TB"),
    HUONG_DAN("Hướng dẫn", "HD"),
    CHUONG_TRINH("Chương trình", "CTr"),
    KE_HOACH("Kế hoạch", "KH"),
    PHUONG_AN("Phương án", "PA"),
    DE_AN("Đề án", "ĐA"),
    DU_AN("Dự án", "DA"),
    BAO_CAO("Báo cáo", "BC"),
    BIEN_BAN("Biên bản", "BB"),
    TO_TRINH("Tờ trình", "TTr"),
    HOP_DONG("Hợp đồng", "HĐ"),
    CONG_DIEN("Công điện", "CĐ"),
    BAN_GHI_NHO("Bản ghi nhớ", "BGN"),
    BAN_THOA_THUAN("Bản thỏa thuận", "BTT"),
    GIAY_UY_QUYEN("Giấy ủy quyền", "GUQ"),
    GIAY_MOI("Giấy mời", "GM"),
    GIAY_GIOI_THIEU("Giấy giới thiệu", "GGT"),
    GIAY_NGHI_PHEP("Giấy nghỉ phép", "GNP"),
    PHIEU_GUI("Phiếu gửi", "PG"),
    PHIEU_CHUYEN("Phiếu chuyển", "PC"),
    PHIEU_BAO("Phiếu báo", "PB"),
    CONG_VAN("Công văn", null),
    THU_CONG("Thư công", null),
    SAO_Y("Bản sao y", "SY"),
    TRICH_SAO("Bản trích sao", "TrS"),
    SAO_LUC("Bản sao lục", "SL");

    private final String vietnameseName;
    private final @Nullable String abbreviation;

    DocumentType(String vietnameseName, @Nullable String abbreviation) {
        this.vietnameseName = vietnameseName;
        this.abbreviation = abbreviation;
    }

    /** The name as written on the document and in edXML {@code TypeName}. */
    public String vietnameseName() {
        return vietnameseName;
    }

    public @Nullable String abbreviation() {
        return abbreviation;
    }

    /** Whether the notation starts with the type ({@code QĐ-UBND}) rather than the issuer ({@code UBND-VX}). */
    public boolean namedInNotation() {
        return abbreviation != null;
    }

    /** The message key of the type's name in the bundles. */
    public String messageKey() {
        return "registry.type." + name();
    }

    /** Reads a type from its code, its Vietnamese name or its abbreviation, as other systems write it. */
    public static Optional<DocumentType> parse(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String wanted = text.strip();
        return Arrays.stream(values())
                .filter(t -> t.name().equalsIgnoreCase(wanted)
                        || t.vietnameseName.equalsIgnoreCase(wanted)
                        || wanted.equals(t.abbreviation))
                .findFirst();
    }
}
