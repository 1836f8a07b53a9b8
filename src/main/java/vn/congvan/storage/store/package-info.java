/** Where blob contents live: the local file system today, S3-compatible object storage next. */
@NullMarked
package vn.congvan.storage.store;

import org.jspecify.annotations.NullMarked;
