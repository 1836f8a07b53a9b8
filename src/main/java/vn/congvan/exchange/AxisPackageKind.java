package vn.congvan.exchange;

/** What an axis package carries: a document (văn bản) or a status (trạng thái) of one. */
public enum AxisPackageKind {
    DOCUMENT,
    STATUS
}
