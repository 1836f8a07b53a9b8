/** An official's items of work, as the incoming cases and the drafts each list theirs. */
@NullMarked
package vn.congvan.handling.work;

import org.jspecify.annotations.NullMarked;
