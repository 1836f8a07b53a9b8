package vn.congvan.registry;

/** A file already kept by the storage, handed to the registry by another module (a draft's PDF). */
public record StoredFile(String sha256, String fileName, String contentType, long size) {}
