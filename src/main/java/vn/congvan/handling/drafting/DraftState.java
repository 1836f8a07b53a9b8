package vn.congvan.handling.drafting;

/** Where a draft of an outgoing document stands. */
public enum DraftState {
    /** Being written by its drafter (đang soạn thảo). */
    DRAFTING,
    /** On its approval route, waiting for the current step's approver (đang trình duyệt). */
    SUBMITTED,
    /** Sent back to the drafter with comments (bị trả lại). */
    RETURNED,
    /** Approved by the whole route: waiting to be signed and issued (chờ ký, phát hành). */
    APPROVED,
    /** Numbered, sealed and sent (đã phát hành). */
    ISSUED,
    /** Revoked after issue (đã thu hồi). */
    REVOKED;

    public String messageKey() {
        return "handling.draft.state." + name();
    }
}
