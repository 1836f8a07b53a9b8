package vn.congvan.exchange.edxml;

/** A recipient an update of a document removes or adds. */
public record Receiver(String organId, ReceiverType type) {}
