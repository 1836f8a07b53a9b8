/**
 * Usage scores (điểm sử dụng phần mềm) of officials for the quarterly checks: what each did in the
 * software in a period, scored by a configurable formula and ranked inside a unit and a district.
 */
@NullMarked
package vn.congvan.statistics.usage;

import org.jspecify.annotations.NullMarked;
