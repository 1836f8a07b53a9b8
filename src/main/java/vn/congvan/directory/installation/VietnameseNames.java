package vn.congvan.directory.installation;

import java.util.Random;

/**
 * Plausible Vietnamese full names (family, middle and given name) for demo people, the same
 * sequence on every installation so that the demo reads the same everywhere.
 */
final class VietnameseNames {

    private static final String[] FAMILY = {
        "Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê", "Phạm", "Hoàng", "Vũ", "Đỗ", "Bùi", "Ngô", "Đặng",
        "Dương", "Phan", "Hà", "Lý", "Thân", "Giáp", "Đào", "Trịnh"
    };
    private static final String[] MALE_MIDDLE = {
        "Văn", "Đức", "Minh", "Quang", "Hữu", "Xuân", "Thanh", "Công", "Mạnh", "Tiến", "Ngọc", "Anh"
    };
    private static final String[] FEMALE_MIDDLE = {
        "Thị", "Thị", "Thu", "Ngọc", "Thanh", "Minh", "Hồng", "Phương", "Kim", "Thùy"
    };
    private static final String[] MALE_GIVEN = {
        "Hùng", "Dũng", "Tuấn", "Nam", "Long", "Hải", "Sơn", "Thắng", "Cường", "Hưng", "Trung", "Hiếu", "Đạt", "Phong",
        "Khánh", "Quân", "Bình", "Toàn", "Huy", "Việt", "Thành", "Tùng"
    };
    private static final String[] FEMALE_GIVEN = {
        "Lan", "Hương", "Mai", "Hà", "Thảo", "Linh", "Hằng", "Trang", "Nga", "Huyền", "Yến", "Loan", "Dung", "Hoa",
        "Thủy", "Vân", "Nhung", "Oanh", "Quyên", "Hạnh"
    };

    private final Random random = new Random(1997);

    String next() {
        String family = pick(FAMILY);
        if (random.nextBoolean()) {
            return family + " " + pick(FEMALE_MIDDLE) + " " + pick(FEMALE_GIVEN);
        }
        return family + " " + pick(MALE_MIDDLE) + " " + pick(MALE_GIVEN);
    }

    private String pick(String[] names) {
        return names[random.nextInt(names.length)];
    }
}
