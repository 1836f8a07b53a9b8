/**
 * The exchange hub (trục liên thông): a store-and-forward mailbox between installations, as
 * docs/axis-protocol.md lays it out.
 */
@NullMarked
package vn.congvan.exchange.hub;

import org.jspecify.annotations.NullMarked;
