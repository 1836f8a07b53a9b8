package vn.congvan.directory.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.congvan.audit.AuditEntry;
import vn.congvan.audit.AuditTrail;
import vn.congvan.directory.Directory;
import vn.congvan.directory.DirectoryAuditAction;
import vn.congvan.directory.DirectoryRefusals;
import vn.congvan.directory.DivisionView;
import vn.congvan.directory.PersonView;
import vn.congvan.directory.UnitHistoryView;
import vn.congvan.directory.UnitKind;
import vn.congvan.directory.UnitView;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.Official;
import vn.congvan.shared.Role;

/**
 * What the administrator changes in the directory: units (opened, renamed, closed into a
 * successor), divisions, people and their roles. Each change checks the rules, refuses with a
 * message key, and leaves an audit entry.
 */
@Service
@Transactional
@PreAuthorize("hasRole('ADMINISTRATOR')")
class DirectoryAdministration {

    private final JdbcClient jdbc;
    private final Directory directory;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final AuditTrail audit;
    private final Credentials credentials;

    DirectoryAdministration(
            JdbcClient jdbc,
            Directory directory,
            PasswordEncoder passwords,
            Clock clock,
            AuditTrail audit,
            Credentials credentials) {
        this.audit = audit;
        this.credentials = credentials;
        this.jdbc = jdbc;
        this.directory = directory;
        this.passwords = passwords;
        this.clock = clock;
    }

    UnitView createUnit(CreateUnit command) {
        UnitKind kind = Objects.requireNonNull(command.kind());
        String name = Objects.requireNonNull(command.name());
        UnitView parent = command.parentId() == null ? null : parent(command.parentId());
        checkPlace(kind, parent);
        checkCodesFree(command.legacyCode(), command.code(), null);
        UUID id = UUID.randomUUID();
        LocalDate validFrom = command.validFrom() != null ? command.validFrom() : today();
        write(() -> jdbc.sql("""
                        insert into unit (id, parent_id, kind, level, name, short_name, abbreviation, legacy_code, code,
                                          valid_from)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        id,
                        parent != null ? parent.id() : null,
                        kind.name(),
                        kind.level().name(),
                        name,
                        shortNameOr(command.shortName(), name),
                        command.abbreviation(),
                        command.legacyCode(),
                        command.code(),
                        validFrom)
                .update());
        audit(DirectoryAuditAction.UNIT_CREATED, id, id);
        return directory.unit(id);
    }

    /**
     * Renaming keeps the earlier name and codes in the unit's history (unless they only took effect
     * today, which makes the change a correction); closing with a successor records the merger.
     */
    UnitView updateUnit(UUID id, UpdateUnit command) {
        UnitView unit = directory.unit(id);
        String name = Objects.requireNonNull(command.name());
        checkCodesFree(command.legacyCode(), command.code(), id);
        boolean renamed = !name.equals(unit.name())
                || !Objects.equals(command.legacyCode(), unit.legacyCode())
                || !Objects.equals(command.code(), unit.code());
        if (renamed) {
            keepEarlierName(unit);
        }
        LocalDate validTo = command.validTo();
        if (validTo != null && validTo.isBefore(unit.validFrom())) {
            throw DomainException.invalid("directory.unit.closed-before-opened", unit.validFrom());
        }
        write(() -> jdbc.sql("""
                        update unit set name = ?, short_name = ?, abbreviation = ?, legacy_code = ?, code = ?, valid_to = ?
                        where id = ?""")
                .params(
                        name,
                        shortNameOr(command.shortName(), name),
                        command.abbreviation(),
                        command.legacyCode(),
                        command.code(),
                        validTo,
                        id)
                .update());
        audit(DirectoryAuditAction.UNIT_UPDATED, id, id);
        if (command.successorId() != null) {
            mergeInto(directory.unit(id), command.successorId());
        }
        return directory.unit(id);
    }

    private void keepEarlierName(UnitView unit) {
        LocalDate from = directory.history(unit.id()).stream()
                .map(UnitHistoryView::validTo)
                .max(LocalDate::compareTo)
                .map(last -> last.plusDays(1))
                .filter(day -> day.isAfter(unit.validFrom()))
                .orElse(unit.validFrom());
        LocalDate to = today().minusDays(1);
        if (!to.isBefore(from)) {
            jdbc.sql("""
                            insert into unit_history (unit_id, name, legacy_code, code, valid_from, valid_to)
                            values (?, ?, ?, ?, ?, ?) on conflict do nothing""")
                    .params(unit.id(), unit.name(), unit.legacyCode(), unit.code(), from, to)
                    .update();
        }
    }

    private void mergeInto(UnitView closed, UUID successorId) {
        if (closed.validTo() == null) {
            throw DomainException.invalid("directory.unit.successor-needs-closing");
        }
        if (successorId.equals(closed.id())) {
            throw DomainException.invalid("directory.unit.successor-itself");
        }
        UnitView successor = directory
                .findUnit(successorId)
                .orElseThrow(() -> DomainException.notFound("directory.unit.successor-not-found", successorId));
        jdbc.sql("update unit set predecessor_id = ? where id = ? and predecessor_id is null")
                .params(closed.id(), successor.id())
                .update();
        jdbc.sql("""
                        insert into unit_history (unit_id, name, legacy_code, code, valid_from, valid_to)
                        values (?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(
                        successor.id(),
                        closed.name(),
                        closed.legacyCode(),
                        closed.code(),
                        closed.validFrom(),
                        closed.validTo())
                .update();
        audit(DirectoryAuditAction.UNIT_MERGED, closed.id(), successor.id());
    }

    DivisionView createDivision(UUID unitId, CreateDivision command) {
        UnitView unit = directory.unit(unitId);
        String abbreviation = Objects.requireNonNull(command.abbreviation());
        boolean taken = directory.divisions(unit.id()).stream()
                .anyMatch(d -> d.abbreviation().equalsIgnoreCase(abbreviation));
        if (taken) {
            throw DomainException.conflict("directory.division.duplicate", abbreviation);
        }
        UUID id = UUID.randomUUID();
        write(() -> jdbc.sql("insert into division (id, unit_id, name, abbreviation) values (?, ?, ?, ?)")
                .params(id, unit.id(), command.name(), abbreviation)
                .update());
        audit(DirectoryAuditAction.DIVISION_CREATED, id, unit.id());
        return directory.findDivision(id).orElseThrow();
    }

    PersonView createPerson(CreatePerson command) {
        String username = Objects.requireNonNull(command.username());
        if (directory.findPersonByUsername(username).isPresent()) {
            throw DomainException.conflict("directory.person.duplicate-username", username);
        }
        PasswordRule.check(username, Objects.requireNonNull(command.password()));
        UUID unitId = Objects.requireNonNull(command.unitId());
        checkPosition(unitId, command.divisionId());
        UUID id = UUID.randomUUID();
        write(() -> jdbc.sql("""
                        insert into person (id, username, full_name, email, password_hash) values (?, ?, ?, ?, ?)""")
                .params(
                        id,
                        username,
                        command.fullName(),
                        command.email(),
                        passwords.encode(Objects.requireNonNull(command.password())))
                .update());
        insertMembership(
                id, unitId, command.divisionId(), Objects.requireNonNull(command.role()), command.positionTitle());
        audit(DirectoryAuditAction.PERSON_CREATED, id, unitId);
        return directory.findPerson(id).orElseThrow();
    }

    PersonView grantRole(UUID personId, GrantRole command) {
        PersonView person = person(personId);
        UUID unitId = Objects.requireNonNull(command.unitId());
        Role role = Objects.requireNonNull(command.role());
        checkPosition(unitId, command.divisionId());
        boolean held = person.positions().stream()
                .anyMatch(p -> p.unitId().equals(unitId)
                        && Objects.equals(p.divisionId(), command.divisionId())
                        && p.role() == role);
        if (held) {
            throw DomainException.conflict("directory.role.already-held");
        }
        insertMembership(person.id(), unitId, command.divisionId(), role, command.positionTitle());
        credentials.endSessions(person.id());
        audit(DirectoryAuditAction.ROLE_GRANTED, person.id(), unitId);
        return person(personId);
    }

    PersonView revokeRole(UUID personId, RevokeRole command) {
        PersonView person = person(personId);
        if (command.role() == Role.ADMINISTRATOR && administrators() <= 1) {
            throw DomainException.conflict("directory.role.last-administrator");
        }
        int removed = jdbc.sql("""
                        delete from membership
                        where person_id = ? and unit_id = ? and division_id is not distinct from ? and role = ?""")
                .params(
                        person.id(),
                        command.unitId(),
                        command.divisionId(),
                        command.role().name())
                .update();
        if (removed == 0) {
            throw DomainException.notFound("directory.role.not-held");
        }
        credentials.endSessions(person.id());
        audit(DirectoryAuditAction.ROLE_REVOKED, person.id(), command.unitId());
        return person(personId);
    }

    /** The person can no longer sign in; their sessions and tokens end at once. */
    PersonView disableUser(UUID personId) {
        PersonView person = person(personId);
        if (person.id().equals(actor().personId())) {
            throw DomainException.conflict("directory.account.disable-self");
        }
        boolean administrator = person.positions().stream().anyMatch(p -> p.role() == Role.ADMINISTRATOR);
        if (administrator && person.enabled() && enabledAdministrators() <= 1) {
            throw DomainException.conflict("directory.account.last-administrator");
        }
        credentials.setEnabled(person.id(), false);
        audit(DirectoryAuditAction.ACCOUNT_DISABLED, person.id(), null);
        return person(personId);
    }

    PersonView enableUser(UUID personId) {
        PersonView person = person(personId);
        credentials.setEnabled(person.id(), true);
        audit(DirectoryAuditAction.ACCOUNT_ENABLED, person.id(), null);
        return person(personId);
    }

    /**
     * Gives the person a new random password, returned once to be handed over; their sessions and
     * tokens end at once. The password itself is never recorded.
     */
    String resetUserPassword(UUID personId) {
        PersonView person = person(personId);
        String password = credentials.generate();
        credentials.setPassword(person.id(), password);
        audit(DirectoryAuditAction.PASSWORD_RESET, person.id(), null);
        return password;
    }

    private void insertMembership(
            UUID personId, UUID unitId, @Nullable UUID divisionId, Role role, @Nullable String title) {
        write(() -> jdbc.sql("""
                        insert into membership (id, person_id, unit_id, division_id, role, position_title)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), personId, unitId, divisionId, role.name(), title)
                .update());
    }

    private UnitView parent(UUID id) {
        return directory
                .findUnit(id)
                .orElseThrow(() -> DomainException.notFound("directory.unit.parent-not-found", id));
    }

    private PersonView person(UUID id) {
        return directory.findPerson(id).orElseThrow(() -> DomainException.notFound("directory.person.not-found", id));
    }

    private long enabledAdministrators() {
        return jdbc.sql("""
                        select count(distinct m.person_id) from membership m join person p on p.id = m.person_id
                        where m.role = ? and p.enabled""").param(Role.ADMINISTRATOR.name()).query(Long.class).single();
    }

    private long administrators() {
        return jdbc.sql("select count(distinct person_id) from membership where role = ?")
                .param(Role.ADMINISTRATOR.name())
                .query(Long.class)
                .single();
    }

    /** A People's Committee may stand alone; every other unit sits under a unit of its level or above. */
    private static void checkPlace(UnitKind kind, @Nullable UnitView parent) {
        if (parent == null) {
            if (kind != UnitKind.PROVINCIAL_COMMITTEE) {
                throw DomainException.invalid("directory.unit.parent-required");
            }
            return;
        }
        if (parent.level().ordinal() > kind.level().ordinal()) {
            throw DomainException.invalid("directory.unit.parent-below");
        }
    }

    private void checkCodesFree(@Nullable String legacyCode, @Nullable String code, @Nullable UUID except) {
        for (String taken : new String[] {legacyCode, code}) {
            if (taken == null) {
                continue;
            }
            Optional<UnitView> holder = directory.findUnitByCode(taken);
            if (holder.isPresent() && !holder.get().id().equals(except)) {
                throw DomainException.conflict("directory.unit.duplicate-code", taken);
            }
        }
    }

    private void checkPosition(UUID unitId, @Nullable UUID divisionId) {
        UnitView unit = directory
                .findUnit(unitId)
                .orElseThrow(() -> DomainException.notFound(DirectoryRefusals.UNIT_NOT_FOUND, unitId));
        if (divisionId != null) {
            boolean inUnit = directory
                    .findDivision(divisionId)
                    .filter(d -> d.unitId().equals(unit.id()))
                    .isPresent();
            if (!inUnit) {
                throw DomainException.invalid("directory.division.not-in-unit");
            }
        }
    }

    /** Two administrators racing on the same code or user name: the database's unique key decides. */
    private static void write(Runnable statement) {
        try {
            statement.run();
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("directory.conflict");
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static String shortNameOr(@Nullable String shortName, String name) {
        if (shortName != null) {
            return shortName;
        }
        return name.length() <= 100 ? name : name.substring(0, 100);
    }

    /** Writes the change's audit record in the change's transaction, naming the administrator who made it. */
    private void audit(DirectoryAuditAction action, UUID subjectId, @Nullable UUID unitId) {
        audit.record(AuditEntry.by(actor(), action, "directory", subjectId.toString(), unitId, Map.of()));
    }

    private static Official actor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof Official actor)) {
            throw new IllegalStateException("Directory changes are made by a signed-in administrator");
        }
        return actor;
    }
}
