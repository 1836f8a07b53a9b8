package vn.congvan.directory;

/** Administrative level of a unit (cấp), by which targets and rankings are set. */
public enum UnitLevel {
    PROVINCE,
    DISTRICT,
    COMMUNE
}
