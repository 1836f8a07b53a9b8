package vn.congvan.statistics.figures;

import vn.congvan.directory.UnitKind;
import vn.congvan.directory.UnitLevel;

/** The units ranked together: agencies of the province, districts, or communes. */
public enum UnitGroup {
    /** The provincial committee, its office and the departments (sở, ban, ngành). */
    AGENCIES(UnitLevel.PROVINCE),
    /** Districts, towns and cities of the province (cấp huyện). */
    DISTRICTS(UnitLevel.DISTRICT),
    /** Communes, wards and townships (cấp xã). */
    COMMUNES(UnitLevel.COMMUNE);

    private final UnitLevel level;

    UnitGroup(UnitLevel level) {
        this.level = level;
    }

    public UnitLevel level() {
        return level;
    }

    public boolean includes(UnitKind kind) {
        return kind.level() == level;
    }

    public static UnitGroup of(UnitLevel level) {
        for (UnitGroup group : values()) {
            if (group.level == level) {
                return group;
            }
        }
        throw new IllegalArgumentException(level.name());
    }

    public String messageKey() {
        return "statistics.group." + name();
    }
}
