package vn.congvan.storage;

/** A content kept by the storage: its SHA-256 in lowercase hex, which is also its address, and its size in bytes. */
public record StoredBlob(String sha256, long size) {}
