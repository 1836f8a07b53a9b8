@NullMarked
package vn.congvan.handling.calendar;

import org.jspecify.annotations.NullMarked;
