package vn.congvan.registry.report;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.congvan.audit.AuditEntry;
import vn.congvan.audit.AuditTrail;
import vn.congvan.registry.Direction;
import vn.congvan.registry.DocumentType;
import vn.congvan.registry.RegistryAuditAction;
import vn.congvan.registry.document.DocumentAccess;
import vn.congvan.registry.register.Register;
import vn.congvan.registry.register.Registers;
import vn.congvan.shared.Official;

/** The registers a unit keeps, its standard ones opened on first look. */
@Service
public class RegisterCatalog {

    private final Registers registers;
    private final AuditTrail audit;

    RegisterCatalog(Registers registers, AuditTrail audit) {
        this.registers = registers;
        this.audit = audit;
    }

    /** Opens an outgoing register for some types; only the unit's clerk keeps the registers. */
    @Transactional
    public Register openTypeRegister(Official clerk, UUID unitId, String name, List<DocumentType> types) {
        DocumentAccess.requireClerk(clerk, unitId);
        Register register = registers.openTypeRegister(unitId, Direction.OUTGOING, name.strip(), types);
        audit.record(AuditEntry.by(
                clerk,
                RegistryAuditAction.REGISTER_OPENED,
                "register",
                register.id().toString(),
                unitId,
                Map.of("name", register.name(), "types", types.toString())));
        return register;
    }

    @Transactional
    public List<Register> of(UUID unitId) {
        registers.ensureStandard(unitId);
        return registers.ofUnit(unitId);
    }
}
