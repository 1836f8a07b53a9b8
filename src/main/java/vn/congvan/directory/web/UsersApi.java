package vn.congvan.directory.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.congvan.directory.Directory;
import vn.congvan.directory.PersonView;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.Official;
import vn.congvan.shared.Role;

/** People and their roles over the API: administrators see everyone, others the people of their own units. */
@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "directory")
class UsersApi {

    static final int MAX_PAGE_SIZE = 200;

    private final Directory directory;
    private final DirectoryAdministration administration;

    UsersApi(Directory directory, DirectoryAdministration administration) {
        this.directory = directory;
        this.administration = administration;
    }

    @GetMapping
    @Operation(operationId = "listUsers", summary = "List people with their roles, one page at a time")
    UserPage listUsers(
            @AuthenticationPrincipal Official reader,
            @RequestParam(required = false) @Nullable UUID unitId,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        int pageSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        int offset = Math.max(0, page) * pageSize;
        Set<UUID> units;
        if (reader.isAdministrator()) {
            if (unitId == null) {
                return page(directory.people(null, pageSize, offset), page, pageSize, directory.countPeople());
            }
            units = Set.of(unitId);
        } else if (unitId == null) {
            units = reader.unitIds();
        } else if (reader.belongsTo(unitId)) {
            units = Set.of(unitId);
        } else {
            throw DomainException.forbidden("directory.users.other-unit");
        }
        return page(directory.peopleOf(units, pageSize, offset), page, pageSize, directory.countPeopleOf(units));
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    @Operation(operationId = "createUser", summary = "Create a person's account with a first role (administrators)")
    ResponseEntity<UserJson> createUser(@Valid @RequestBody CreatePerson command) {
        PersonView person = administration.createPerson(command);
        return ResponseEntity.created(URI.create("/api/v1/users/" + person.id()))
                .body(UserJson.of(person));
    }

    @PostMapping("/{id}/roles")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    @Operation(operationId = "grantRole", summary = "Give a person a role in a unit (administrators)")
    UserJson grantRole(@PathVariable UUID id, @Valid @RequestBody GrantRole command) {
        return UserJson.of(administration.grantRole(id, command));
    }

    @DeleteMapping("/{id}/roles")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    @Operation(operationId = "revokeRole", summary = "Take a role in a unit away from a person (administrators)")
    UserJson revokeRole(
            @PathVariable UUID id,
            @RequestParam UUID unitId,
            @RequestParam Role role,
            @RequestParam(required = false) @Nullable UUID divisionId) {
        return UserJson.of(administration.revokeRole(id, new RevokeRole(unitId, divisionId, role)));
    }

    /** A new password, shown this once. */
    record NewPassword(String password) {}

    @PostMapping("/{id}/password-reset")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    @Operation(
            operationId = "resetUserPassword",
            summary =
                    "Give a person a new random password, returned this once; their sessions and tokens end (administrators)")
    NewPassword resetUserPassword(@PathVariable UUID id) {
        return new NewPassword(administration.resetUserPassword(id));
    }

    @PostMapping("/{id}/disable")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    @Operation(
            operationId = "disableUser",
            summary = "Disable an account: no more sign-in, its sessions and tokens end at once (administrators)")
    UserJson disableUser(@PathVariable UUID id) {
        return UserJson.of(administration.disableUser(id));
    }

    @PostMapping("/{id}/enable")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    @Operation(operationId = "enableUser", summary = "Enable a disabled account again (administrators)")
    UserJson enableUser(@PathVariable UUID id) {
        return UserJson.of(administration.enableUser(id));
    }

    private static UserPage page(List<PersonView> people, int page, int size, long total) {
        return new UserPage(people.stream().map(UserJson::of).toList(), Math.max(0, page), size, total);
    }
}
