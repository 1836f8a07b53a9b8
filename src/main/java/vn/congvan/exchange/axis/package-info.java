/**
 * The installation's axis client (máy khách trục liên thông): the outbox sender, the poller of
 * received packages and the synchronization of the agency directory, over HMAC-signed HTTP.
 */
@NullMarked
package vn.congvan.exchange.axis;

import org.jspecify.annotations.NullMarked;
