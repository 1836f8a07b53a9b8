@NullMarked
package vn.congvan.exchange.web;

import org.jspecify.annotations.NullMarked;
