@NullMarked
package vn.congvan.registry.document;

import org.jspecify.annotations.NullMarked;
