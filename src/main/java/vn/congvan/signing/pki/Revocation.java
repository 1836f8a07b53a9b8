package vn.congvan.signing.pki;

import java.math.BigInteger;
import java.time.Instant;

/** A certificate its authority revoked, and when. */
public record Revocation(BigInteger serialNumber, Instant revokedAt) {}
