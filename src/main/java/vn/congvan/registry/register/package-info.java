@NullMarked
package vn.congvan.registry.register;

import org.jspecify.annotations.NullMarked;
