package vn.congvan.storage.quota;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.congvan.shared.Official;

/** The province's storage quotas per unit, for the installation's administrator (judged before any body is read). */
@RestController
@RequestMapping("/api/v1/storage/quotas")
class QuotaApi {

    /** A quota as the administrator sets it: the bytes the unit's officials may bring in all. */
    record QuotaRequest(long quotaBytes) {}

    private final UnitQuotas quotas;

    QuotaApi(UnitQuotas quotas) {
        this.quotas = quotas;
    }

    @GetMapping
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    @Operation(operationId = "listStorageQuotas", summary = "Every unit's quota with what its officials brought")
    List<UnitQuota> listStorageQuotas(@AuthenticationPrincipal Official official) {
        UnitQuotas.requireAdministrator(official);
        return quotas.all();
    }

    @PutMapping("/{unitId}")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    @Operation(operationId = "setStorageQuota", summary = "Set a unit's quota of uploaded bytes")
    UnitQuota setStorageQuota(
            @PathVariable UUID unitId, @RequestBody QuotaRequest request, @AuthenticationPrincipal Official official) {
        return quotas.set(official, unitId, request.quotaBytes());
    }

    @DeleteMapping("/{unitId}")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    @Operation(operationId = "removeStorageQuota", summary = "Remove a unit's quota (the per-file limit stays)")
    ResponseEntity<Void> removeStorageQuota(@PathVariable UUID unitId, @AuthenticationPrincipal Official official) {
        quotas.remove(official, unitId);
        return ResponseEntity.noContent().build();
    }
}
