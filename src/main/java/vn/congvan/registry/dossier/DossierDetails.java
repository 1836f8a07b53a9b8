package vn.congvan.registry.dossier;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/** A dossier with its documents in chronological order. */
public record DossierDetails(@JsonUnwrapped DossierView dossier, List<DossierEntry> documents) {}
