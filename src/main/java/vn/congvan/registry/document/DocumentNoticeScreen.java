package vn.congvan.registry.document;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import vn.congvan.directory.Directory;
import vn.congvan.directory.PersonView;
import vn.congvan.notification.NoticeScreen;
import vn.congvan.shared.Official;

/**
 * Hides a notice about a document ({@code /documents/{id}…}) from a person who may not read that
 * document now: rights read again from the directory and the grants, not those of the notice's day.
 */
@Component
class DocumentNoticeScreen implements NoticeScreen {

    private static final Pattern DOCUMENT = Pattern.compile("^/documents/([0-9a-fA-F-]{36})(?:[/#?].*)?$");

    private final Documents documents;
    private final DocumentAccess access;
    private final Directory directory;
    private final UserDetailsService officials;

    DocumentNoticeScreen(
            Documents documents, DocumentAccess access, Directory directory, UserDetailsService officials) {
        this.documents = documents;
        this.access = access;
        this.directory = directory;
        this.officials = officials;
    }

    @Override
    public Predicate<String> hiddenFrom(UUID personId) {
        Optional<Official> reader = official(personId);
        Map<UUID, Boolean> seen = new HashMap<>();
        return link -> {
            Matcher m = DOCUMENT.matcher(link);
            if (!m.matches()) {
                return false;
            }
            UUID documentId;
            try {
                documentId = UUID.fromString(m.group(1));
            } catch (IllegalArgumentException e) {
                return true;
            }
            // Documents are never deleted: a link to none the registry holds carries nothing of one.
            return seen.computeIfAbsent(
                    documentId,
                    id -> documents
                            .find(id)
                            .map(d -> reader.isEmpty() || !access.canRead(reader.get(), d))
                            .orElse(false));
        };
    }

    private Optional<Official> official(UUID personId) {
        Optional<PersonView> person = directory.findPerson(personId).filter(PersonView::enabled);
        if (person.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    (Official) officials.loadUserByUsername(person.get().username()));
        } catch (UsernameNotFoundException e) {
            return Optional.empty();
        }
    }
}
