package vn.congvan.registry.web;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The days a list or a search is narrowed to, as typed (dd/MM/yyyy, or ISO from a link). Bound with
 * a BindingResult beside it: a day that cannot be read is left out and the form says so
 * (registry/fragments :: days), where a request parameter would refuse the whole page.
 */
record Days(@Nullable LocalDate from, @Nullable LocalDate to) {}
