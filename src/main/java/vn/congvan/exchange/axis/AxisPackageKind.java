package vn.congvan.exchange.axis;

/** What an axis package carries: a document (văn bản) or a status (trạng thái) of one. */
public enum AxisPackageKind {
    DOCUMENT,
    STATUS
}
