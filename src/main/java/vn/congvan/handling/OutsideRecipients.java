package vn.congvan.handling;

import java.util.List;
import java.util.UUID;

/**
 * Where an issued document stands at the recipients outside the installation, told by the module
 * that sends to them (the exchange), so that the sender sees all its recipients in one table.
 */
public interface OutsideRecipients {

    List<RecipientState> of(UUID documentId);
}
