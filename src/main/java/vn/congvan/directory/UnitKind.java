package vn.congvan.directory;

/** What a unit is, which decides its level and how it appears in rankings. */
public enum UnitKind {
    /** Ủy ban nhân dân tỉnh. */
    PROVINCIAL_COMMITTEE(UnitLevel.PROVINCE),
    /** Văn phòng UBND tỉnh. */
    PROVINCIAL_OFFICE(UnitLevel.PROVINCE),
    /** Sở, ban, ngành. */
    AGENCY(UnitLevel.PROVINCE),
    /** Thành phố thuộc tỉnh. */
    CITY(UnitLevel.DISTRICT),
    /** Huyện. */
    DISTRICT(UnitLevel.DISTRICT),
    /** Thị xã. */
    TOWN(UnitLevel.DISTRICT),
    /** Xã. */
    COMMUNE(UnitLevel.COMMUNE),
    /** Phường. */
    WARD(UnitLevel.COMMUNE),
    /** Thị trấn. */
    TOWNSHIP(UnitLevel.COMMUNE);

    private final UnitLevel level;

    UnitKind(UnitLevel level) {
        this.level = level;
    }

    public UnitLevel level() {
        return level;
    }
}
