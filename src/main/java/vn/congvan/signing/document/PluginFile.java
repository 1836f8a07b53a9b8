package vn.congvan.signing.document;

/** The file a plug-in session hands out: its name, size and content address. */
public record PluginFile(String fileName, long size, String sha256) {}
