package vn.congvan.handling.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import vn.congvan.directory.AgenciesOutside;
import vn.congvan.directory.Directory;
import vn.congvan.directory.UnitView;
import vn.congvan.handling.drafting.NewDraft;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.VietnamTime;

/**
 * The recipients of a draft as the form names them (the picker's groups are the directory's
 * {@link vn.congvan.directory.RecipientGroups}), and the sender a reply is addressed to.
 */
@Component
class RecipientChoices {

    /** A recipient ticked before the official ticks anything: a unit by id, or an agency outside ({@code outside}) by code. */
    record Ticked(boolean outside, String value, String name) {}

    private final Directory directory;
    private final ObjectProvider<AgenciesOutside> outside;

    RecipientChoices(Directory directory, ObjectProvider<AgenciesOutside> outside) {
        this.directory = directory;
        this.outside = outside;
    }

    /**
     * The sender of an incoming document among the recipients, for a reply: a unit of the installation
     * in force whose id or code is the document's organ code, or whose name is its issuer's name; else an
     * agency outside by the same code or name. A code matches before a name; a name shared by several
     * matches none.
     */
    java.util.Optional<Ticked> sender(@Nullable String organId, @Nullable String organName) {
        LocalDate today = LocalDate.now(VietnamTime.ZONE);
        List<UnitView> units =
                directory.units().stream().filter(u -> u.activeOn(today)).toList();
        AgenciesOutside agencies = outside.getIfAvailable();
        List<AgenciesOutside.Agency> far = agencies == null ? List.of() : agencies.agencies();
        String code = organId == null ? "" : organId.strip();
        if (!code.isEmpty()) {
            for (UnitView u : units) {
                if (code.equalsIgnoreCase(u.id().toString())
                        || code.equalsIgnoreCase(u.code())
                        || code.equalsIgnoreCase(u.legacyCode())) {
                    return java.util.Optional.of(new Ticked(false, u.id().toString(), u.name()));
                }
            }
            for (AgenciesOutside.Agency a : far) {
                if (code.equalsIgnoreCase(a.organId())) {
                    return java.util.Optional.of(new Ticked(true, a.organId(), a.name()));
                }
            }
        }
        String name = comparable(organName);
        if (name.isEmpty()) {
            return java.util.Optional.empty();
        }
        // A name two units (or two agencies) share names neither: the drafter chooses.
        List<Ticked> named = new ArrayList<>();
        for (UnitView u : units) {
            if (name.equals(comparable(u.name()))) {
                named.add(new Ticked(false, u.id().toString(), u.name()));
            }
        }
        if (named.isEmpty()) {
            for (AgenciesOutside.Agency a : far) {
                if (name.equals(comparable(a.name()))) {
                    named.add(new Ticked(true, a.organId(), a.name()));
                }
            }
        }
        return named.size() == 1 ? java.util.Optional.of(named.get(0)) : java.util.Optional.empty();
    }

    /** A name as typed by different clerks compares equal: one Unicode form, one case, single spaces. */
    private static String comparable(@Nullable String name) {
        if (name == null) {
            return "";
        }
        return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFC)
                .strip()
                .replaceAll("\\s+", " ")
                .toLowerCase(java.util.Locale.ROOT);
    }

    /** The recipients ticked: units of the installation by id, agencies outside by code (named as the directory names them). */
    List<NewDraft.Recipient> chosen(@Nullable List<UUID> unitIds, @Nullable List<String> outsideOrganIds) {
        List<NewDraft.Recipient> recipients = new ArrayList<>();
        if (unitIds != null) {
            unitIds.forEach(id -> recipients.add(new NewDraft.Recipient(id, null, null)));
        }
        if (outsideOrganIds != null) {
            AgenciesOutside agencies = outside.getIfAvailable();
            for (String organId : outsideOrganIds) {
                recipients.add(java.util.Optional.ofNullable(agencies)
                        .flatMap(a -> a.find(organId))
                        .map(a -> new NewDraft.Recipient(null, a.organId(), a.name()))
                        .orElseThrow(() -> DomainException.invalid("handling.recipients.unknown-agency", organId)));
            }
        }
        return recipients;
    }
}
