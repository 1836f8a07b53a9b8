package vn.congvan.directory;

import java.util.UUID;

/** A division inside a unit (phòng, ban); its abbreviation ends a công văn notation ("UBND-VX"). */
public record DivisionView(UUID id, UUID unitId, String name, String abbreviation) {}
