package vn.congvan.exchange.edxml;

/** An agency (cơ quan, tổ chức) sending or receiving a package; absent fields are empty. */
public record Organisation(
        String organId,
        String organizationInCharge,
        String organName,
        String organAdd,
        String email,
        String telephone,
        String fax,
        String website) {

    /** An agency known by its identifier and name only. */
    public static Organisation of(String organId, String organName) {
        return new Organisation(organId, "", organName, "", "", "", "", "");
    }
}
