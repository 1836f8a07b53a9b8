package vn.congvan.statistics.figures;

/** Whose documents a figure counts: the unit's own, or those of every unit below it as well. */
public enum Coverage {
    /** The unit's own documents, with those of the units merged into it. */
    UNIT,
    /** Rolled up: a district with its communes, the province with every unit. */
    TERRITORY
}
