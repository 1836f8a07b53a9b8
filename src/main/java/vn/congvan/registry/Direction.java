package vn.congvan.registry;

/** Whether a document leaves the unit (văn bản đi) or arrives (văn bản đến). */
public enum Direction {
    OUTGOING,
    INCOMING
}
