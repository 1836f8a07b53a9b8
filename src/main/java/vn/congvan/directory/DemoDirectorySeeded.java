package vn.congvan.directory;

import java.util.UUID;

/**
 * The demo province's units and people were just created; listeners seed their own demo data
 * (documents, certificates) on it, looking actors up through {@link DemoProvince}.
 */
public record DemoDirectorySeeded(UUID provincialCommitteeId, int units, int people) {}
