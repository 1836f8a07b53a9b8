@NullMarked
package vn.congvan.handling.drafting;

import org.jspecify.annotations.NullMarked;
