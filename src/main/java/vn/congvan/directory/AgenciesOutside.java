package vn.congvan.directory;

import java.util.List;
import java.util.Optional;

/**
 * Implemented by the module that reaches agencies outside the installation (the exchange, from the
 * axis's directory): who a document can be addressed to there, or have come from. Without it, or
 * before its first synchronization, there are none.
 */
public interface AgenciesOutside {

    /** The agencies outside the installation, by name. */
    List<Agency> agencies();

    Optional<Agency> find(String organId);

    /** An agency by its edXML identifier (mã định danh) and name. */
    record Agency(String organId, String name) {}
}
