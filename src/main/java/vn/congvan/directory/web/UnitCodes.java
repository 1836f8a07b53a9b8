package vn.congvan.directory.web;

/** The shapes of unit identification codes (mã định danh). */
final class UnitCodes {

    /** The 13-character legacy form {@code DDD.DD.DD.Xnn}, e.g. {@code 000.00.00.H10}. */
    static final String LEGACY = "^\\d{3}\\.\\d{2}\\.\\d{2}\\.[A-Z]\\d{2}$";

    private UnitCodes() {}
}
