package vn.congvan.directory;

import vn.congvan.audit.AuditAction;

/**
 * What the directory module records in the audit trail (units, divisions, people and their roles). The values are
 * hashed into the chain and named by the labels {@code audit.action.<value>}: never change one.
 */
public enum DirectoryAuditAction implements AuditAction {
    UNIT_CREATED("directory.unit.created"),
    UNIT_UPDATED("directory.unit.updated"),
    UNIT_MERGED("directory.unit.merged"),
    DIVISION_CREATED("directory.division.created"),
    PERSON_CREATED("directory.person.created"),
    ROLE_GRANTED("directory.role.granted"),
    ROLE_REVOKED("directory.role.revoked"),
    ACCOUNT_DISABLED("directory.account.disabled"),
    ACCOUNT_ENABLED("directory.account.enabled"),
    PASSWORD_RESET("directory.account.password-reset"),
    PASSWORD_CHANGED("directory.account.password-changed");

    private final String value;

    DirectoryAuditAction(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }
}
