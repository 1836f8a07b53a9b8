package vn.congvan.signing.pades;

import java.time.Instant;

/** What the signature dictionary states beside the CMS: who signs, why, where and when. */
public record SignatureDictionary(String signerName, String reason, String location, Instant signingTime) {}
