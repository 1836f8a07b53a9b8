@NullMarked
package vn.congvan.registry.web;

import org.jspecify.annotations.NullMarked;
