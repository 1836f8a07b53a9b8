/** The audit trail on the web: the administrator's page and the API. */
@NullMarked
package vn.congvan.audit.web;

import org.jspecify.annotations.NullMarked;
