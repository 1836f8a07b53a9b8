/** The figures kept per document, dossier, unit, day and month, and how they follow the other modules. */
@NullMarked
package vn.congvan.statistics.figures;

import org.jspecify.annotations.NullMarked;
