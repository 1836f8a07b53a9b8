package vn.congvan.registry.report;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.congvan.registry.register.Register;
import vn.congvan.registry.register.Registers;

/** The registers a unit keeps, its standard ones opened on first look. */
@Service
public class RegisterCatalog {

    private final Registers registers;

    RegisterCatalog(Registers registers) {
        this.registers = registers;
    }

    @Transactional
    public List<Register> of(UUID unitId) {
        registers.ensureStandard(unitId);
        return registers.ofUnit(unitId);
    }
}
