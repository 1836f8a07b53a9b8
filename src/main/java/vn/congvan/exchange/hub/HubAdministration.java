package vn.congvan.exchange.hub;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.congvan.shared.Official;

/** The hub administrator's API: which organ codes each client system may publish in the directory. */
@RestController
@Tag(name = "hub")
@PreAuthorize("hasRole('ADMINISTRATOR')")
class HubAdministration {

    /** The organ codes (or patterns such as {@code *.H10}) a system may publish. */
    record AllowedOrgans(@Nullable List<String> organs) {}

    private final HubProperties hub;
    private final HubAllowances allowances;

    HubAdministration(HubProperties hub, HubAllowances allowances) {
        this.hub = hub;
        this.allowances = allowances;
    }

    @GetMapping("/api/v1/hub/systems")
    @Operation(
            operationId = "listHubSystems",
            summary = "The hub's client systems and the organ codes each may publish (hub administrator)")
    List<HubAllowances.Allowance> listHubSystems() {
        hub.requireHub();
        return allowances.list();
    }

    @PutMapping("/api/v1/hub/systems/{systemId}/organs")
    @Operation(
            operationId = "allowHubSystemOrgans",
            summary = "Sets the organ codes a system may publish; its agencies no longer allowed leave the directory")
    HubAllowances.Allowance allowHubSystemOrgans(
            @PathVariable String systemId,
            @RequestBody AllowedOrgans allowed,
            @AuthenticationPrincipal Official administrator) {
        hub.requireHub();
        return allowances.set(administrator, systemId, allowed.organs());
    }
}
