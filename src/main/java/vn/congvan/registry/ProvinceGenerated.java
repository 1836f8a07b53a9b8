package vn.congvan.registry;

/**
 * The volume generator wrote a synthetic province straight into the tables, without the events of
 * ordinary registration: modules that keep figures of their own count it now, before the process ends.
 */
public record ProvinceGenerated(int units, long documents) {}
