package vn.congvan.audit;

/**
 * What an audit record says was done. Each module lists its actions in one catalogue, an enum
 * implementing this ({@code registry.RegistryAuditAction}, …), so an entry cannot name a free string.
 */
public interface AuditAction {

    /**
     * The action as stored and hashed into the chain, e.g. {@code document.revoked}; its label is the
     * message {@code audit.action.<value>}. Never changed once recorded.
     */
    String value();
}
