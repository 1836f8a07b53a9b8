package vn.congvan.statistics.figures;

import org.jspecify.annotations.Nullable;

/**
 * A figure counted per unit and period, secret documents never included (docs/adr/0010-statistics.md
 * defines each). A metric with a {@link #base()} is also read as a rate: its count over the base's.
 */
public enum Metric {
    /** Outgoing documents issued (văn bản đi phát hành), electronic or on paper. */
    OUTGOING_ISSUED(null, Target.NONE),
    /** Outgoing documents issued electronically. */
    OUTGOING_ELECTRONIC(OUTGOING_ISSUED, Target.NONE),
    /** Outgoing documents issued on paper only. */
    OUTGOING_PAPER(OUTGOING_ISSUED, Target.NONE),
    /** Of those issued electronically, with a valid personal signature of the competent leader. */
    OUTGOING_LEADER_SIGNED(OUTGOING_ELECTRONIC, Target.LEVEL),
    /** Of those issued electronically, with a valid organization signature (the seal). */
    OUTGOING_ORGANIZATION_SIGNED(OUTGOING_ELECTRONIC, Target.SIGNATURE),
    /** Of those issued electronically, with both: the monthly ranking's main figure. */
    OUTGOING_FULLY_SIGNED(OUTGOING_ELECTRONIC, Target.LEVEL),
    /** Incoming documents registered (văn bản đến), electronic or on paper. */
    INCOMING_RECEIVED(null, Target.NONE),
    /** Incoming documents received electronically. */
    INCOMING_ELECTRONIC(INCOMING_RECEIVED, Target.NONE),
    /** Incoming documents received on paper. */
    INCOMING_PAPER(INCOMING_RECEIVED, Target.NONE),
    /** Of those received electronically, with every signature valid. */
    INCOMING_VALID_SIGNATURE(INCOMING_ELECTRONIC, Target.SIGNATURE),
    /** Incoming documents whose handling was completed in the software. */
    INCOMING_HANDLED(INCOMING_RECEIVED, Target.LEVEL),
    /** Of those handled, completed by their deadline. */
    INCOMING_ON_TIME(INCOMING_HANDLED, Target.NONE),
    /** Work dossiers (hồ sơ công việc) closed. */
    DOSSIERS_CLOSED(null, Target.NONE),
    /** Of the dossiers closed, those processed wholly in the software: no document in them on paper. */
    DOSSIERS_IN_SOFTWARE(DOSSIERS_CLOSED, Target.LEVEL);

    /** Which target a rate is held against. */
    public enum Target {
        /** None: the figure informs, it is not judged. */
        NONE,
        /** The level's target: 90% province, 80% district, 60% commune by default. */
        LEVEL,
        /** The target for signatures on electronic documents: 100% by default. */
        SIGNATURE
    }

    private final @Nullable Metric base;
    private final Target target;

    Metric(@Nullable Metric base, Target target) {
        this.base = base;
        this.target = target;
    }

    /** The metric this one is a share of, or null for a plain count. */
    public @Nullable Metric base() {
        return base;
    }

    public boolean isRate() {
        return base != null;
    }

    public Target target() {
        return target;
    }

    /** Whether the metric counts dossiers rather than documents. */
    public boolean countsDossiers() {
        return this == DOSSIERS_CLOSED || this == DOSSIERS_IN_SOFTWARE;
    }

    public String messageKey() {
        return "statistics.metric." + name();
    }
}
