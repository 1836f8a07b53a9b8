/**
 * The audit trail (nhật ký): every state change of a document, a signature, a certificate or a
 * permission is recorded in the transaction that makes it, in an append-only, hash-chained log.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package vn.congvan.audit;

import org.jspecify.annotations.NullMarked;
