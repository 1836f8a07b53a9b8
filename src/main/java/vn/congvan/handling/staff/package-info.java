@NullMarked
package vn.congvan.handling.staff;

import org.jspecify.annotations.NullMarked;
