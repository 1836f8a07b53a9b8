package vn.congvan.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.congvan.audit.AuditRecordView;
import vn.congvan.audit.AuditTrail;
import vn.congvan.audit.chain.AuditVerification;
import vn.congvan.shared.DomainException;

/** The audit trail for the installation's administrators: its records and its verification. */
@RestController
@RequestMapping("/api/v1/audit")
@PreAuthorize("hasRole('ADMINISTRATOR')")
@Tag(name = "audit")
class AuditApiController {

    static final int MAX_LIMIT = 500;

    private final AuditTrail trail;

    AuditApiController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/verification")
    @Operation(
            operationId = "verifyAuditTrail",
            summary = "Verify the hash chain of the whole audit trail (administrators)")
    AuditVerification verifyAuditTrail() {
        return trail.verify();
    }

    @GetMapping("/records")
    @Operation(
            operationId = "listAuditRecords",
            summary = "The newest audit records, or the whole history of one subject (administrators)")
    List<AuditRecordView> listAuditRecords(
            @RequestParam(defaultValue = "50") int limit,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(required = false) @Nullable String subjectType,
            @RequestParam(required = false) @Nullable String subjectId) {
        if (subjectType != null && subjectId != null) {
            return trail.history(subjectType, subjectId);
        }
        if (subjectType != null || subjectId != null) {
            throw DomainException.invalid("audit.records.subject-incomplete");
        }
        if (limit < 1 || limit > MAX_LIMIT || offset < 0) {
            throw DomainException.invalid("audit.records.invalid-page", MAX_LIMIT);
        }
        return trail.recent(limit, offset);
    }
}
