package vn.congvan.signing.document;

import vn.congvan.signing.document.SignedFile.Appearance;
import vn.congvan.signing.pades.VisibleSignature;

/** A visible signature and the appearance of the decree it follows. */
record ChosenAppearance(VisibleSignature visible, Appearance appearance) {}
