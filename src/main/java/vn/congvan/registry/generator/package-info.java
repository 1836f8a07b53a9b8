@NullMarked
package vn.congvan.registry.generator;

import org.jspecify.annotations.NullMarked;
