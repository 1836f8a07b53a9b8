/** The work on documents: handling of incoming documents, drafting and approval, deadlines. */
@NullMarked
package vn.congvan.handling;

import org.jspecify.annotations.NullMarked;
