/**
 * Statistics (thống kê): figures per unit and period kept incrementally from the other modules'
 * events, rankings against the targets, and the documents behind every figure.
 */
@NullMarked
package vn.congvan.statistics;

import org.jspecify.annotations.NullMarked;
