@NullMarked
package vn.congvan.handling.web;

import org.jspecify.annotations.NullMarked;
