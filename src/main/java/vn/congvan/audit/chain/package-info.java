/** The hash chain behind the audit trail: sealing, storing, reading and verifying records. */
@NullMarked
package vn.congvan.audit.chain;

import org.jspecify.annotations.NullMarked;
