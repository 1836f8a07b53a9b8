package vn.congvan.handling.incoming;

/** How an official takes part in handling an incoming document. */
public enum Participation {
    /** Chủ trì: handles it and answers for it. */
    LEAD,
    /** Phối hợp: contributes opinions. */
    COOPERATING,
    /** Để biết: reads it. */
    INFORMED;

    public String messageKey() {
        return "handling.part." + name();
    }
}
