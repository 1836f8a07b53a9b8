@NullMarked
package vn.congvan.registry.search;

import org.jspecify.annotations.NullMarked;
