package vn.congvan.exchange.axis;

/**
 * What became of a package the poller fetched: received (and announced), a duplicate of one
 * received before (kept, not announced), or unreadable (kept, refused to the hub).
 */
public enum InboxState {
    RECEIVED,
    DUPLICATE,
    FAILED
}
