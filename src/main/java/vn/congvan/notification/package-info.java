/** Notices (thông báo) to officials: the bell and page in the UI, the API, and e-mails when SMTP is configured. */
@NullMarked
package vn.congvan.notification;

import org.jspecify.annotations.NullMarked;
