/** The province's quotas: how many bytes the officials of a unit may bring through resumable uploads. */
@NullMarked
package vn.congvan.storage.quota;

import org.jspecify.annotations.NullMarked;
