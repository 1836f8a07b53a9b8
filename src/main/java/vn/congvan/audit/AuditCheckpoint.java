package vn.congvan.audit;

import java.time.Instant;

/**
 * The head of the audit chain as a time-stamping authority vouched for it: the record {@code seq}
 * had the hash {@code hash} at {@code stampedAt}. Printed into the sealed monthly report, it is a
 * second copy outside the database that a rewrite of the chain cannot reach.
 */
public record AuditCheckpoint(long seq, String hash, Instant stampedAt) {}
