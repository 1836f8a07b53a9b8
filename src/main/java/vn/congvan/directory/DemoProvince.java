package vn.congvan.directory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import vn.congvan.shared.Diacritics;
import vn.congvan.shared.Role;

/**
 * Facts of the demo province Bắc Giang: its units, divisions and accounts, so that other modules
 * can seed demo data and tests can sign in as a known actor. Every demo account shares the demo
 * password; user names read {@code <position>.<unit key>}, e.g. {@code vanthu.ubnd} (the clerk of
 * the Provincial People's Committee), {@code giamdoc.stnmt}, {@code truongphong.vx.ubnd},
 * {@code vanthu.xuonggiang}.
 */
public final class DemoProvince {

    /** Legacy code of the Provincial People's Committee; the demo is seeded once under it. */
    public static final String PROVINCE_CODE = "000.00.00.H10";

    /** The administrator of the installation, created on first start with or without the demo. */
    public static final String ADMINISTRATOR = "admin";

    /** The provincial monitor, at the provincial IT centre of the Department of Information and Communications. */
    public static final String PROVINCIAL_MONITOR = "giamsat.tinh";

    /** Key of the Provincial People's Committee ({@code vanthu.ubnd}, {@code chutich.ubnd}). */
    public static final String COMMITTEE = "ubnd";

    /** Key of the office of the Provincial People's Committee. */
    public static final String OFFICE = "vpubnd";

    /** Key of the Department of Home Affairs (Sở Nội vụ). */
    public static final String HOME_AFFAIRS = "snv";

    /** Key of the Department of Natural Resources and Environment (Sở Tài nguyên và Môi trường). */
    public static final String NATURAL_RESOURCES = "stnmt";

    /** Key of the Department of Information and Communications (Sở Thông tin và Truyền thông). */
    public static final String INFORMATION = "stttt";

    /** Key of Bắc Giang city. */
    public static final String CITY = "tpbacgiang";

    /** Key of Xương Giang ward in Bắc Giang city. */
    public static final String XUONG_GIANG = "xuonggiang";

    /** Key of the Department of Transport, merged into the Department of Construction on 1 March 2025. */
    public static final String MERGED_TRANSPORT = "sgtvt";

    /** Key of the Department of Construction, successor of the Department of Transport. */
    public static final String CONSTRUCTION = "sxd";

    /** One unit of the demo; {@code key} ends the user names of its people. */
    public record Unit(
            String key,
            @Nullable String parentKey,
            UnitKind kind,
            String name,
            String shortName,
            String abbreviation,
            String legacyCode,
            @Nullable String code,
            LocalDate validFrom,
            @Nullable LocalDate validTo,
            @Nullable String predecessorKey,
            List<Division> divisions) {}

    /** A division of a demo unit. */
    public record Division(String name, String abbreviation) {}

    /** A demo account: the role its person holds in a unit, in one of its divisions or in the unit as a whole. */
    public record Account(
            String username, String unitKey, @Nullable String divisionAbbreviation, Role role, String title) {}

    private static final Catalogue CATALOGUE = new Catalogue();

    private DemoProvince() {}

    /** Every unit, parents before their children. */
    public static List<Unit> units() {
        return CATALOGUE.units;
    }

    /** Every demo account except the administrator, unit by unit. */
    public static List<Account> accounts() {
        return CATALOGUE.accounts;
    }

    public static Unit unit(String key) {
        return CATALOGUE.units.stream()
                .filter(u -> u.key().equals(key))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No demo unit " + key));
    }

    public static Optional<Account> account(String username) {
        return CATALOGUE.accounts.stream()
                .filter(a -> a.username().equals(username))
                .findFirst();
    }

    /** User name of the clerk (văn thư) of a demo unit. */
    public static String clerkOf(String unitKey) {
        return "vanthu." + unitKey;
    }

    /** User name of the head of a demo unit (Chủ tịch, Giám đốc, Chánh Văn phòng…). */
    public static String leaderOf(String unitKey) {
        return CATALOGUE.accounts.stream()
                .filter(a -> a.unitKey().equals(unitKey) && a.role() == Role.LEADER)
                .map(Account::username)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No demo unit " + unitKey));
    }

    /** Who heads a unit, which decides the titles and user names of its leader and deputy. */
    private enum Head {
        CHAIRMAN("chutich", "Chủ tịch", "Phó Chủ tịch"),
        DIRECTOR("giamdoc", "Giám đốc", "Phó Giám đốc"),
        CHIEF_OF_OFFICE("chanhvp", "Chánh Văn phòng", "Phó Chánh Văn phòng"),
        CHIEF_INSPECTOR("chanhthanhtra", "Chánh Thanh tra", "Phó Chánh Thanh tra"),
        HEAD_OF_BOARD("truongban", "Trưởng ban", "Phó Trưởng ban");

        final String prefix;
        final String title;
        final String deputyTitle;

        Head(String prefix, String title, String deputyTitle) {
            this.prefix = prefix;
            this.title = title;
            this.deputyTitle = deputyTitle;
        }
    }

    /** The demo's data, written out once as it would be typed from the province's organisation chart. */
    private static final class Catalogue {

        private static final LocalDate RE_ESTABLISHED = LocalDate.of(1997, 1, 1);
        private static final LocalDate MERGED = LocalDate.of(2025, 3, 1);

        private final List<Unit> units = new ArrayList<>();
        private final List<Account> accounts = new ArrayList<>();

        Catalogue() {
            province();
            agencies();
            districts();
            accounts.add(new Account(
                    PROVINCIAL_MONITOR,
                    INFORMATION,
                    "TTCNTT",
                    Role.PROVINCIAL_MONITOR,
                    "Chuyên viên Trung tâm Công nghệ thông tin và Truyền thông"));
        }

        private void province() {
            unit(
                    COMMITTEE,
                    null,
                    UnitKind.PROVINCIAL_COMMITTEE,
                    "Ủy ban nhân dân tỉnh Bắc Giang",
                    "UBND tỉnh Bắc Giang",
                    "UBND",
                    PROVINCE_CODE,
                    null,
                    RE_ESTABLISHED,
                    null,
                    null,
                    Head.CHAIRMAN,
                    List.of(
                            new Division("Phòng Tổng hợp", "TH"),
                            new Division("Phòng Kinh tế", "KT"),
                            new Division("Phòng Văn xã", "VX"),
                            new Division("Phòng Hành chính - Tổ chức", "HCTC")));
            unit(
                    OFFICE,
                    COMMITTEE,
                    UnitKind.PROVINCIAL_OFFICE,
                    "Văn phòng Ủy ban nhân dân tỉnh Bắc Giang",
                    "Văn phòng UBND tỉnh",
                    "VP",
                    "000.00.01.H10",
                    null,
                    RE_ESTABLISHED,
                    null,
                    null,
                    Head.CHIEF_OF_OFFICE,
                    List.of(
                            new Division("Phòng Hành chính - Tổ chức", "HCTC"),
                            new Division("Phòng Quản trị - Tài vụ", "QTTV"),
                            new Division("Ban Tiếp công dân", "BTCD"),
                            new Division("Trung tâm Thông tin - Công báo", "TTCB")));
        }

        private void agencies() {
            department(
                    "sngv",
                    "Sở Ngoại vụ",
                    "SNgV",
                    11,
                    null,
                    RE_ESTABLISHED,
                    null,
                    null,
                    new Division("Phòng Hợp tác quốc tế", "HTQT"));
            department(
                    "skhdt",
                    "Sở Kế hoạch và Đầu tư",
                    "SKHĐT",
                    12,
                    null,
                    RE_ESTABLISHED,
                    null,
                    null,
                    new Division("Phòng Đăng ký kinh doanh", "ĐKKD"),
                    new Division("Phòng Tổng hợp, Quy hoạch", "THQH"));
            department(
                    "snn",
                    "Sở Nông nghiệp và Phát triển nông thôn",
                    "SNN",
                    13,
                    null,
                    RE_ESTABLISHED,
                    null,
                    null,
                    new Division("Chi cục Thủy lợi", "CCTL"),
                    new Division("Phòng Quản lý xây dựng công trình", "QLXDCT"));
            department(
                    MERGED_TRANSPORT,
                    "Sở Giao thông vận tải",
                    "SGTVT",
                    23,
                    null,
                    RE_ESTABLISHED,
                    MERGED.minusDays(1),
                    null,
                    new Division("Phòng Quản lý vận tải", "QLVT"),
                    new Division("Phòng Quản lý kết cấu hạ tầng giao thông", "QLKCHT"));
            department(
                    CONSTRUCTION,
                    "Sở Xây dựng",
                    "SXD",
                    14,
                    "H10.014.2025.000001",
                    RE_ESTABLISHED,
                    null,
                    MERGED_TRANSPORT,
                    new Division("Phòng Quy hoạch - Kiến trúc", "QHKT"),
                    new Division("Phòng Quản lý vận tải và hạ tầng giao thông", "QLGT"));
            department(
                    NATURAL_RESOURCES,
                    "Sở Tài nguyên và Môi trường",
                    "STNMT",
                    15,
                    null,
                    RE_ESTABLISHED,
                    null,
                    null,
                    new Division("Phòng Quản lý đất đai", "QLĐĐ"),
                    new Division("Chi cục Bảo vệ môi trường", "CCBVMT"));
            department(
                    INFORMATION,
                    "Sở Thông tin và Truyền thông",
                    "STTTT",
                    16,
                    "H10.016.2020.000001",
                    LocalDate.of(2008, 4, 1),
                    null,
                    null,
                    new Division("Phòng Công nghệ thông tin", "CNTT"),
                    new Division("Trung tâm Công nghệ thông tin và Truyền thông", "TTCNTT"));
            department(
                    HOME_AFFAIRS,
                    "Sở Nội vụ",
                    "SNV",
                    17,
                    "H10.017.2020.000001",
                    RE_ESTABLISHED,
                    null,
                    null,
                    new Division("Phòng Tổ chức, biên chế", "TCBC"),
                    new Division("Phòng Cải cách hành chính", "CCHC"));
            department(
                    "stc",
                    "Sở Tài chính",
                    "STC",
                    18,
                    null,
                    RE_ESTABLISHED,
                    null,
                    null,
                    new Division("Phòng Quản lý ngân sách", "QLNS"),
                    new Division("Phòng Tài chính đầu tư", "TCĐT"));
            department(
                    "stp",
                    "Sở Tư pháp",
                    "STP",
                    19,
                    null,
                    RE_ESTABLISHED,
                    null,
                    null,
                    new Division("Phòng Xây dựng và kiểm tra văn bản", "XDKTVB"),
                    new Division("Phòng Hành chính tư pháp", "HCTP"));
            department(
                    "syt",
                    "Sở Y tế",
                    "SYT",
                    20,
                    null,
                    RE_ESTABLISHED,
                    null,
                    null,
                    new Division("Phòng Nghiệp vụ Y", "NVY"),
                    new Division("Phòng Nghiệp vụ Dược", "NVD"));
            department(
                    "sgddt",
                    "Sở Giáo dục và Đào tạo",
                    "SGDĐT",
                    21,
                    null,
                    RE_ESTABLISHED,
                    null,
                    null,
                    new Division("Phòng Giáo dục trung học", "GDTrH"),
                    new Division("Phòng Giáo dục tiểu học", "GDTH"));
            department(
                    "sct",
                    "Sở Công Thương",
                    "SCT",
                    22,
                    null,
                    RE_ESTABLISHED,
                    null,
                    null,
                    new Division("Phòng Quản lý thương mại", "QLTM"),
                    new Division("Phòng Quản lý công nghiệp", "QLCN"));
            department(
                    "sldtbxh",
                    "Sở Lao động - Thương binh và Xã hội",
                    "SLĐTBXH",
                    24,
                    null,
                    RE_ESTABLISHED,
                    null,
                    null,
                    new Division("Phòng Lao động - Việc làm", "LĐVL"),
                    new Division("Phòng Người có công", "NCC"));
            department(
                    "svhttdl",
                    "Sở Văn hóa, Thể thao và Du lịch",
                    "SVHTTDL",
                    25,
                    null,
                    RE_ESTABLISHED,
                    null,
                    null,
                    new Division("Phòng Quản lý văn hóa", "QLVH"),
                    new Division("Phòng Quản lý du lịch", "QLDL"));
            department(
                    "skhcn",
                    "Sở Khoa học và Công nghệ",
                    "SKHCN",
                    26,
                    null,
                    RE_ESTABLISHED,
                    null,
                    null,
                    new Division("Phòng Quản lý khoa học", "QLKH"),
                    new Division("Phòng Quản lý công nghệ", "QLCNg"));
            unit(
                    "thanhtra",
                    COMMITTEE,
                    UnitKind.AGENCY,
                    "Thanh tra tỉnh Bắc Giang",
                    "Thanh tra tỉnh",
                    "TTr",
                    "000.00.27.H10",
                    null,
                    RE_ESTABLISHED,
                    null,
                    null,
                    Head.CHIEF_INSPECTOR,
                    List.of(
                            new Division("Văn phòng", "VP"),
                            new Division("Phòng Nghiệp vụ 1", "NV1"),
                            new Division("Phòng Nghiệp vụ 2", "NV2"),
                            new Division("Phòng Tiếp công dân và Xử lý đơn thư", "TCD")));
            unit(
                    "bdt",
                    COMMITTEE,
                    UnitKind.AGENCY,
                    "Ban Dân tộc tỉnh Bắc Giang",
                    "Ban Dân tộc",
                    "BDT",
                    "000.00.28.H10",
                    null,
                    RE_ESTABLISHED,
                    null,
                    null,
                    Head.HEAD_OF_BOARD,
                    List.of(new Division("Văn phòng", "VP"), new Division("Phòng Chính sách dân tộc", "CSDT")));
            unit(
                    "bqlkcn",
                    COMMITTEE,
                    UnitKind.AGENCY,
                    "Ban Quản lý các khu công nghiệp tỉnh Bắc Giang",
                    "Ban Quản lý các KCN",
                    "BQL",
                    "000.00.29.H10",
                    "H10.029.2023.000001",
                    LocalDate.of(2003, 3, 7),
                    null,
                    null,
                    Head.HEAD_OF_BOARD,
                    List.of(
                            new Division("Văn phòng", "VP"),
                            new Division("Phòng Quản lý doanh nghiệp", "QLDN"),
                            new Division("Phòng Quy hoạch - Xây dựng", "QHXD")));
        }

        private void districts() {
            district(
                    CITY,
                    UnitKind.CITY,
                    "thành phố Bắc Giang",
                    "TP Bắc Giang",
                    41,
                    LocalDate.of(2005, 6, 7),
                    commune(UnitKind.WARD, "Xương Giang"),
                    commune(UnitKind.WARD, "Trần Phú"),
                    commune(UnitKind.WARD, "Dĩnh Kế"),
                    commune(UnitKind.WARD, "Hoàng Văn Thụ"));
            district(
                    "vietyen",
                    UnitKind.DISTRICT,
                    "huyện Việt Yên",
                    "Huyện Việt Yên",
                    42,
                    RE_ESTABLISHED,
                    commune(UnitKind.TOWNSHIP, "Nếnh"),
                    commune(UnitKind.TOWNSHIP, "Bích Động"),
                    commune(UnitKind.COMMUNE, "Tăng Tiến"),
                    commune(UnitKind.COMMUNE, "Vân Trung"));
            district(
                    "yendung",
                    UnitKind.DISTRICT,
                    "huyện Yên Dũng",
                    "Huyện Yên Dũng",
                    43,
                    RE_ESTABLISHED,
                    commune(UnitKind.TOWNSHIP, "Nham Biền"),
                    commune(UnitKind.TOWNSHIP, "Tân An"),
                    commune(UnitKind.COMMUNE, "Lãng Sơn"),
                    commune(UnitKind.COMMUNE, "Trí Yên"));
            district(
                    "tanyen",
                    UnitKind.DISTRICT,
                    "huyện Tân Yên",
                    "Huyện Tân Yên",
                    44,
                    RE_ESTABLISHED,
                    commune(UnitKind.TOWNSHIP, "Cao Thượng"),
                    commune(UnitKind.TOWNSHIP, "Nhã Nam"),
                    commune(UnitKind.COMMUNE, "Ngọc Thiện"),
                    commune(UnitKind.COMMUNE, "Liên Sơn"));
            district(
                    "hiephoa",
                    UnitKind.DISTRICT,
                    "huyện Hiệp Hòa",
                    "Huyện Hiệp Hòa",
                    45,
                    RE_ESTABLISHED,
                    commune(UnitKind.TOWNSHIP, "Thắng"),
                    commune(UnitKind.COMMUNE, "Đức Thắng"),
                    commune(UnitKind.COMMUNE, "Hoàng Vân"),
                    commune(UnitKind.COMMUNE, "Mai Đình"));
            district(
                    "langgiang",
                    UnitKind.DISTRICT,
                    "huyện Lạng Giang",
                    "Huyện Lạng Giang",
                    46,
                    RE_ESTABLISHED,
                    commune(UnitKind.TOWNSHIP, "Vôi"),
                    commune(UnitKind.TOWNSHIP, "Kép"),
                    commune(UnitKind.COMMUNE, "Tân Thanh"),
                    commune(UnitKind.COMMUNE, "Quang Thịnh"));
            district(
                    "lucnam",
                    UnitKind.DISTRICT,
                    "huyện Lục Nam",
                    "Huyện Lục Nam",
                    47,
                    RE_ESTABLISHED,
                    commune(UnitKind.TOWNSHIP, "Đồi Ngô"),
                    commune(UnitKind.COMMUNE, "Bảo Đài"),
                    commune(UnitKind.COMMUNE, "Cẩm Lý"),
                    commune(UnitKind.COMMUNE, "Yên Sơn"));
            district(
                    "lucngan",
                    UnitKind.DISTRICT,
                    "huyện Lục Ngạn",
                    "Huyện Lục Ngạn",
                    48,
                    RE_ESTABLISHED,
                    commune(UnitKind.TOWNSHIP, "Chũ"),
                    commune(UnitKind.COMMUNE, "Biển Động"),
                    commune(UnitKind.COMMUNE, "Phượng Sơn"),
                    commune(UnitKind.COMMUNE, "Nam Dương"));
            district(
                    "sondong",
                    UnitKind.DISTRICT,
                    "huyện Sơn Động",
                    "Huyện Sơn Động",
                    49,
                    RE_ESTABLISHED,
                    commune(UnitKind.TOWNSHIP, "An Châu"),
                    commune(UnitKind.TOWNSHIP, "Tây Yên Tử"),
                    commune(UnitKind.COMMUNE, "Vĩnh An"),
                    commune(UnitKind.COMMUNE, "Yên Định"));
            district(
                    "yenthe",
                    UnitKind.DISTRICT,
                    "huyện Yên Thế",
                    "Huyện Yên Thế",
                    50,
                    RE_ESTABLISHED,
                    commune(UnitKind.TOWNSHIP, "Cầu Gồ"),
                    commune(UnitKind.TOWNSHIP, "Bố Hạ"),
                    commune(UnitKind.COMMUNE, "Đồng Kỳ"),
                    commune(UnitKind.COMMUNE, "Tam Tiến"));
        }

        private void department(
                String key,
                String shortName,
                String abbreviation,
                int number,
                @Nullable String code,
                LocalDate validFrom,
                @Nullable LocalDate validTo,
                @Nullable String predecessorKey,
                Division... specialised) {
            List<Division> divisions = new ArrayList<>(List.of(
                    new Division("Văn phòng", "VP"),
                    new Division("Phòng Kế hoạch - Tài chính", "KHTC"),
                    new Division("Thanh tra", "TTr")));
            divisions.addAll(List.of(specialised));
            unit(
                    key,
                    COMMITTEE,
                    UnitKind.AGENCY,
                    shortName + " tỉnh Bắc Giang",
                    shortName,
                    abbreviation,
                    "000.00." + number + ".H10",
                    code,
                    validFrom,
                    validTo,
                    predecessorKey,
                    Head.DIRECTOR,
                    divisions);
        }

        /** A commune-level unit waiting for its district: kind and place name. */
        private record Commune(UnitKind kind, String place) {}

        private static Commune commune(UnitKind kind, String place) {
            return new Commune(kind, place);
        }

        private void district(
                String key,
                UnitKind kind,
                String place,
                String shortName,
                int number,
                LocalDate validFrom,
                Commune... communes) {
            unit(
                    key,
                    COMMITTEE,
                    kind,
                    "Ủy ban nhân dân " + place,
                    shortName,
                    "UBND",
                    "000.00." + number + ".H10",
                    null,
                    validFrom,
                    null,
                    null,
                    Head.CHAIRMAN,
                    List.of(
                            new Division("Văn phòng HĐND và UBND", "VP"),
                            new Division("Phòng Tài chính - Kế hoạch", "TCKH"),
                            new Division("Phòng Tài nguyên và Môi trường", "TNMT"),
                            new Division("Phòng Nội vụ", "NV")));
            int order = 1;
            for (Commune commune : communes) {
                String kindName = switch (commune.kind()) {
                    case WARD -> "phường";
                    case TOWNSHIP -> "thị trấn";
                    default -> "xã";
                };
                String title =
                        Character.toUpperCase(kindName.charAt(0)) + kindName.substring(1) + " " + commune.place();
                unit(
                        Diacritics.fold(commune.place()).replace(" ", ""),
                        key,
                        commune.kind(),
                        "Ủy ban nhân dân " + kindName + " " + commune.place(),
                        title,
                        "UBND",
                        String.format("000.%02d.%d.H10", order++, number),
                        null,
                        validFrom,
                        null,
                        null,
                        Head.CHAIRMAN,
                        List.of(
                                new Division("Văn phòng - Thống kê", "VPTK"),
                                new Division("Địa chính - Xây dựng", "ĐCXD"),
                                new Division("Tư pháp - Hộ tịch", "TPHT")));
            }
        }

        private void unit(
                String key,
                @Nullable String parentKey,
                UnitKind kind,
                String name,
                String shortName,
                String abbreviation,
                String legacyCode,
                @Nullable String code,
                LocalDate validFrom,
                @Nullable LocalDate validTo,
                @Nullable String predecessorKey,
                Head head,
                List<Division> divisions) {
            units.add(new Unit(
                    key,
                    parentKey,
                    kind,
                    name,
                    shortName,
                    abbreviation,
                    legacyCode,
                    code,
                    validFrom,
                    validTo,
                    predecessorKey,
                    List.copyOf(divisions)));
            boolean commune = kind.level() == UnitLevel.COMMUNE;
            accounts.add(new Account(clerkOf(key), key, null, Role.CLERK, "Văn thư"));
            accounts.add(new Account(head.prefix + "." + key, key, null, Role.LEADER, head.title));
            accounts.add(new Account("pho" + head.prefix + "." + key, key, null, Role.DEPUTY_LEADER, head.deputyTitle));
            for (Division division : divisions) {
                accounts.add(new Account(
                        "truongphong." + Diacritics.fold(division.abbreviation()) + "." + key,
                        key,
                        division.abbreviation(),
                        Role.DIVISION_HEAD,
                        commune ? "Công chức " + division.name() : headTitleOf(division)));
            }
            String specialist = commune ? "Công chức" : "Chuyên viên";
            accounts.add(new Account(
                    "chuyenvien." + key, key, divisions.get(0).abbreviation(), Role.SPECIALIST, specialist));
            if (!commune) {
                accounts.add(new Account(
                        "chuyenvien2." + key,
                        key,
                        divisions.get(divisions.size() - 1).abbreviation(),
                        Role.SPECIALIST,
                        specialist));
            }
            accounts.add(new Account(
                    "cntt." + key,
                    key,
                    null,
                    Role.IT_OFFICER,
                    commune ? "Công chức phụ trách công nghệ thông tin" : "Chuyên viên công nghệ thông tin"));
        }

        private static String headTitleOf(Division division) {
            String name = division.name();
            if (name.startsWith("Văn phòng")) {
                return "Chánh Văn phòng";
            }
            if (name.equals("Thanh tra")) {
                return "Chánh Thanh tra";
            }
            if (name.startsWith("Phòng")) {
                return "Trưởng phòng";
            }
            if (name.startsWith("Ban")) {
                return "Trưởng ban";
            }
            if (name.startsWith("Chi cục")) {
                return "Chi cục trưởng";
            }
            return "Giám đốc " + name;
        }
    }
}
