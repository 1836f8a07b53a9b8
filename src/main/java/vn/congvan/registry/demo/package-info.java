/**
 * Documents written for a demo or a benchmark: the demo province's sample documents, and the
 * volume generator that fills a large province with synthetic ones.
 */
@NullMarked
package vn.congvan.registry.demo;

import org.jspecify.annotations.NullMarked;
