/** The province's units, their divisions, people, positions and roles (danh bạ). */
@NullMarked
package vn.congvan.directory;

import org.jspecify.annotations.NullMarked;
