package vn.congvan.shared;

import java.time.ZoneId;

/** Vietnam's time zone (UTC+07:00), in which years, days and deadlines are counted. */
public final class VietnamTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    /** A day as people in Vietnam write it: 05/01/2027. */
    public static final java.time.format.DateTimeFormatter DAY =
            java.time.format.DateTimeFormatter.ofPattern("dd/MM/uuuu");

    private VietnamTime() {}
}
