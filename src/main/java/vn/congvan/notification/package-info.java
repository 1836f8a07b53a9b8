/** Notices (thông báo) to officials: the bell and page in the UI, the API, and e-mails when SMTP is configured. */
@NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"directory", "shared"})
package vn.congvan.notification;

import org.jspecify.annotations.NullMarked;
