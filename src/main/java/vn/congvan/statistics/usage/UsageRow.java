package vn.congvan.statistics.usage;

import java.math.BigDecimal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One official in one unit: what they did in the period, their score, and their rank among the
 * officials of the unit and of the district (null outside a district: the provincial agencies).
 * Equal scores share a rank (1, 1, 3).
 */
record UsageRow(
        UUID personId,
        String fullName,
        UUID unitId,
        String unitName,
        @Nullable UUID districtId,
        long registered,
        long assigned,
        long onTime,
        long drafts,
        long signatures,
        long returns,
        BigDecimal score,
        int rankInUnit,
        @Nullable Integer rankInDistrict) {

    /** Whether the official did none of the things counted: the training plan is for them. */
    boolean didNothing() {
        return registered + assigned + onTime + drafts + signatures + returns == 0;
    }
}
