@NullMarked
package vn.congvan.registry.pdf;

import org.jspecify.annotations.NullMarked;
