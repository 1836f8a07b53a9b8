/** Notices on the web: the bell in the top bar, the page of notices and the API. */
@NullMarked
package vn.congvan.notification.web;

import org.jspecify.annotations.NullMarked;
