/** The statistics API and pages: rankings, a unit's figures and the documents behind a figure, by scope. */
@NullMarked
package vn.congvan.statistics.web;

import org.jspecify.annotations.NullMarked;
