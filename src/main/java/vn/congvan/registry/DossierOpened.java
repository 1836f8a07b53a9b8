package vn.congvan.registry;

import java.util.UUID;

/** A member of a unit opened a work dossier (hồ sơ) in the software. */
public record DossierOpened(UUID dossierId, UUID unitId, int year, String fileCode) {}
