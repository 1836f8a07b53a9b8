package vn.congvan.statistics.usage;

import java.util.Optional;

/** What an official did in the software in a period, by the name a usage formula calls it. */
enum UsageVariable {
    /** Documents registered: incoming ones entered, outgoing ones numbered and issued (đăng ký, phát hành). */
    REGISTERED("registered"),
    /** Incoming documents assigned to handlers, or handed down inside a division (phân công, giao). */
    ASSIGNED("assigned"),
    /** Incoming documents the official completed as lead by their deadline, or without one (đúng hạn). */
    ON_TIME("onTime"),
    /** Drafts of outgoing documents the official started (dự thảo). */
    DRAFTS("drafts"),
    /** Digital signatures the official applied, personal or the unit's (ký số). */
    SIGNATURES("signatures"),
    /** Incoming documents the official sent back instead of handling them (trả lại). */
    RETURNS("returns");

    private final String formulaName;

    UsageVariable(String formulaName) {
        this.formulaName = formulaName;
    }

    String formulaName() {
        return formulaName;
    }

    static Optional<UsageVariable> named(String name) {
        for (UsageVariable variable : values()) {
            if (variable.formulaName.equals(name)) {
                return Optional.of(variable);
            }
        }
        return Optional.empty();
    }
}
