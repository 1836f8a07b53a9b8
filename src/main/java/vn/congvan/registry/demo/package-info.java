@NullMarked
package vn.congvan.registry.demo;

import org.jspecify.annotations.NullMarked;
