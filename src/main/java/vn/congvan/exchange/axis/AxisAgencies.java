package vn.congvan.exchange.axis;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.congvan.directory.AgenciesOutside;

/**
 * The axis's directory as the agencies outside the installation (its synchronization keeps only the
 * agencies of other systems).
 */
@Component
class AxisAgencies implements AgenciesOutside {

    private final OutsideAgencies agencies;

    AxisAgencies(OutsideAgencies agencies) {
        this.agencies = agencies;
    }

    @Override
    public List<Agency> agencies() {
        return agencies.list().stream().map(AxisAgencies::agency).toList();
    }

    @Override
    public Optional<Agency> find(String organId) {
        return agencies.find(organId).map(AxisAgencies::agency);
    }

    private static Agency agency(OutsideAgency a) {
        return new Agency(a.organId(), a.name());
    }
}
