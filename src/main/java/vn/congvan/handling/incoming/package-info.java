@NullMarked
package vn.congvan.handling.incoming;

import org.jspecify.annotations.NullMarked;
