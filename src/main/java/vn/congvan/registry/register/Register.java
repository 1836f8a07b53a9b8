package vn.congvan.registry.register;

import java.util.List;
import java.util.UUID;
import vn.congvan.registry.Direction;
import vn.congvan.registry.DocumentType;

/**
 * A register (sổ văn bản) of one unit: the outgoing register, the secret outgoing series, a
 * register for some types only, or the incoming register.
 */
public record Register(
        UUID id, UUID unitId, Direction direction, String name, boolean confidential, List<DocumentType> types) {

    boolean coversAllTypes() {
        return types.isEmpty();
    }
}
