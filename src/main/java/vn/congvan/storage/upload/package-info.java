/** Resumable uploads (tus 1.0) of files of any size, over any line. */
@NullMarked
package vn.congvan.storage.upload;

import org.jspecify.annotations.NullMarked;
