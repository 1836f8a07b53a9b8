/**
 * Documents received electronically from outside the installation: the clerk's tray of arrived
 * packages with the verdict on their signatures, registered or refused, and the statuses that
 * follow them back to their senders.
 */
@NullMarked
package vn.congvan.exchange.arrival;

import org.jspecify.annotations.NullMarked;
