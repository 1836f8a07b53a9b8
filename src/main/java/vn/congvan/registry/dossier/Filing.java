package vn.congvan.registry.dossier;

import java.time.Instant;
import java.util.UUID;

/** A document filed in a dossier: a reference, never a copy. */
record Filing(UUID dossierId, UUID documentId, UUID addedBy, Instant addedAt) {}
