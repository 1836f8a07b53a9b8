/** Documents: incoming and outgoing, registers and yearly numbering, files, search and dossiers. */
@NullMarked
package vn.congvan.registry;

import org.jspecify.annotations.NullMarked;
