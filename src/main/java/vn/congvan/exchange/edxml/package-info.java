/** The edXML codec: a StAX reader streaming attachments to temporary files, and a StAX writer. */
@NullMarked
package vn.congvan.exchange.edxml;

import org.jspecify.annotations.NullMarked;
