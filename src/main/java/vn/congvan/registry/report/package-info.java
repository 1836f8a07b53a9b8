@NullMarked
package vn.congvan.registry.report;

import org.jspecify.annotations.NullMarked;
