/** Work dossiers (hồ sơ công việc) and the file plan (danh mục hồ sơ) of each unit, and their export. */
@NullMarked
package vn.congvan.registry.dossier;

import org.jspecify.annotations.NullMarked;
