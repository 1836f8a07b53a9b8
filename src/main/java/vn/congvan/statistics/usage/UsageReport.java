package vn.congvan.statistics.usage;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The usage scores of the officials of a unit (with its communes, for a district; the whole province, for it). */
record UsageReport(
        UUID unitId, String unitName, LocalDate from, LocalDate to, String formula, List<UsageRow> officials) {

    UsageReport {
        officials = List.copyOf(officials);
    }
}
