@NullMarked
package vn.congvan.handling.notices;

import org.jspecify.annotations.NullMarked;
