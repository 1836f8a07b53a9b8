/**
 * Sending through the axis: issued documents to the bodies outside the installation, status
 * packages back to the senders of what arrived, and where each sent document stands outside.
 */
@NullMarked
package vn.congvan.exchange.outside;

import org.jspecify.annotations.NullMarked;
