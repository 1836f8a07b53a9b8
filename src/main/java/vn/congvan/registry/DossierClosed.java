package vn.congvan.registry;

import java.util.UUID;

/** A work dossier was closed with the number of documents and pages it holds. */
public record DossierClosed(UUID dossierId, UUID unitId, int year, String fileCode, int docTotal, int pageTotal) {}
