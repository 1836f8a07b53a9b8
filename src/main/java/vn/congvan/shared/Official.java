package vn.congvan.shared;

import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in person (cán bộ) with the roles they hold in each unit. */
public final class Official implements UserDetails, Serializable {

    // The value Java computed before credentialsVersion was added: sessions stored by a node of the
    // earlier version still read back (with version 0) during a rolling upgrade.
    private static final long serialVersionUID = -4046918377413328194L;

    private final UUID personId;
    private final String username;
    private final String fullName;
    private final @Nullable String passwordHash;
    private final boolean enabled;
    private final List<Membership> memberships;
    private final long credentialsVersion;

    public Official(
            UUID personId,
            String username,
            String fullName,
            @Nullable String passwordHash,
            boolean enabled,
            List<Membership> memberships) {
        this(personId, username, fullName, passwordHash, enabled, memberships, 0);
    }

    /**
     * {@code credentialsVersion} is raised by the directory whenever the password, the roles or the
     * enabled state change: a session or token opened under an earlier version is no longer honoured.
     */
    public Official(
            UUID personId,
            String username,
            String fullName,
            @Nullable String passwordHash,
            boolean enabled,
            List<Membership> memberships,
            long credentialsVersion) {
        this.credentialsVersion = credentialsVersion;
        this.personId = personId;
        this.username = username;
        this.fullName = fullName;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.memberships = List.copyOf(memberships);
    }

    public UUID personId() {
        return personId;
    }

    public String fullName() {
        return fullName;
    }

    public long credentialsVersion() {
        return credentialsVersion;
    }

    public List<Membership> memberships() {
        return memberships;
    }

    public boolean isAdministrator() {
        return holdsAnywhere(Role.ADMINISTRATOR);
    }

    public boolean isProvincialMonitor() {
        return holdsAnywhere(Role.PROVINCIAL_MONITOR);
    }

    public boolean holdsAnywhere(Role role) {
        return memberships.stream().anyMatch(m -> m.role() == role);
    }

    public boolean holds(Role role, @Nullable UUID unitId) {
        return memberships.stream().anyMatch(m -> m.role() == role && m.unitId().equals(unitId));
    }

    public boolean belongsTo(UUID unitId) {
        return memberships.stream().anyMatch(m -> m.unitId().equals(unitId));
    }

    /** Units where this person holds any role. */
    public Set<UUID> unitIds() {
        return memberships.stream().map(Membership::unitId).collect(Collectors.toUnmodifiableSet());
    }

    /** Units where this person holds the given role. */
    public Set<UUID> unitsWhere(Role role) {
        return memberships.stream()
                .filter(m -> m.role() == role)
                .map(Membership::unitId)
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return memberships.stream()
                .map(m -> new SimpleGrantedAuthority("ROLE_" + m.role().name()))
                .collect(Collectors.toSet());
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Official other && other.personId.equals(personId);
    }

    @Override
    public int hashCode() {
        return personId.hashCode();
    }

    @Override
    public String toString() {
        return "Official[" + username + "]";
    }
}
