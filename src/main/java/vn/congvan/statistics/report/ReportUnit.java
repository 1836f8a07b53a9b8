package vn.congvan.statistics.report;

import org.springframework.stereotype.Component;
import vn.congvan.directory.DemoProvince;
import vn.congvan.directory.Directory;
import vn.congvan.directory.UnitView;
import vn.congvan.shared.DomainException;

/** The unit that issues and seals the monthly report, found by its code at each report (units are renamed). */
@Component
class ReportUnit {

    private final Directory directory;
    private final ReportSettings settings;

    ReportUnit(Directory directory, ReportSettings settings) {
        this.directory = directory;
        this.settings = settings;
    }

    UnitView resolve() {
        String code = settings.reportUnit();
        if (code != null && !code.isBlank()) {
            return directory
                    .findUnitByCode(code.strip())
                    .orElseThrow(() -> DomainException.conflict("statistics.report.unit-unknown", code.strip()));
        }
        // Only a demo installation has this unit: elsewhere the operator must name theirs.
        return directory
                .findUnitByCode(DemoProvince.unit(DemoProvince.INFORMATION).legacyCode())
                .orElseThrow(() -> DomainException.conflict("statistics.report.unit-not-configured"));
    }
}
