package vn.congvan.directory.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.congvan.directory.Directory;
import vn.congvan.directory.DivisionView;
import vn.congvan.directory.UnitLevel;
import vn.congvan.directory.UnitView;

/** The province's units over the API: anyone signed in reads them, administrators change them. */
@RestController
@RequestMapping("/api/v1/units")
@Tag(name = "directory")
class UnitsApi {

    private final Directory directory;
    private final DirectoryAdministration administration;

    UnitsApi(Directory directory, DirectoryAdministration administration) {
        this.directory = directory;
        this.administration = administration;
    }

    @GetMapping
    @Operation(
            operationId = "listUnits",
            summary = "List units, optionally by level, parent and name (diacritics ignored)")
    List<UnitJson> listUnits(
            @RequestParam(required = false) @Nullable UnitLevel level,
            @RequestParam(required = false) @Nullable UUID parent,
            @RequestParam(required = false) @Nullable String q) {
        return directory.findUnits(level, parent, q).stream().map(UnitJson::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getUnit", summary = "A unit with its divisions, the units under it and its history")
    UnitDetailJson getUnit(@PathVariable UUID id) {
        UnitView unit = directory.unit(id);
        return UnitDetailJson.of(
                unit, directory.divisions(id), directory.children(id), directory.successors(id), directory.history(id));
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    @Operation(operationId = "createUnit", summary = "Open a unit (administrators)")
    ResponseEntity<UnitJson> createUnit(@Valid @RequestBody CreateUnit command) {
        UnitView unit = administration.createUnit(command);
        return ResponseEntity.created(URI.create("/api/v1/units/" + unit.id())).body(UnitJson.of(unit));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    @Operation(
            operationId = "updateUnit",
            summary = "Rename a unit, change its codes, or close it into a successor (administrators)")
    UnitJson updateUnit(@PathVariable UUID id, @Valid @RequestBody UpdateUnit command) {
        return UnitJson.of(administration.updateUnit(id, command));
    }

    @PostMapping("/{id}/divisions")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    @Operation(operationId = "createDivision", summary = "Add a division to a unit (administrators)")
    ResponseEntity<UnitDetailJson.DivisionJson> createDivision(
            @PathVariable UUID id, @Valid @RequestBody CreateDivision command) {
        DivisionView division = administration.createDivision(id, command);
        return ResponseEntity.created(URI.create("/api/v1/units/" + id)).body(UnitDetailJson.DivisionJson.of(division));
    }
}
