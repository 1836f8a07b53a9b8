/**
 * The monthly report to the Chairman (báo cáo tháng): the rankings of the month before as a
 * spreadsheet and as a PDF with charts sealed by the IT centre, made once a month on any node, kept
 * and listed, and reminders (đôn đốc) to the units below target.
 */
@NullMarked
package vn.congvan.statistics.report;

import org.jspecify.annotations.NullMarked;
