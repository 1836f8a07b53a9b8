package vn.congvan.registry.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import vn.congvan.registry.RegisterFormat;
import vn.congvan.registry.RegistryRefusals;
import vn.congvan.registry.register.Register;
import vn.congvan.registry.report.RegisterCatalog;
import vn.congvan.registry.report.RegisterExport;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.HoldsRole;
import vn.congvan.shared.Official;
import vn.congvan.shared.Role;
import vn.congvan.storage.Download;

/** The registers API: list a unit's registers, print one for a period. */
@RestController
@Tag(name = "registers")
class RegisterApi {

    private final RegisterCatalog catalog;
    private final RegisterExport export;
    private final MetadataPart metadata;

    RegisterApi(RegisterCatalog catalog, RegisterExport export, MetadataPart metadata) {
        this.catalog = catalog;
        this.export = export;
        this.metadata = metadata;
    }

    @GetMapping("/api/v1/units/{unitId}/registers")
    @Operation(operationId = "listRegisters", summary = "The registers (sổ) a unit keeps")
    List<Register> listRegisters(@PathVariable UUID unitId, @AuthenticationPrincipal Official official) {
        if (!official.belongsTo(unitId) && !official.isAdministrator()) {
            throw DomainException.forbidden("registry.register.not-allowed");
        }
        return catalog.of(unitId);
    }

    /** A register the unit keeps for some document types, as its rules on legal documents may require. */
    record OpenTypeRegister(
            @jakarta.validation.constraints.NotBlank(message = "validation.required")
            @jakarta.validation.constraints.Size(max = 200, message = "validation.too-long")
            String name,

            @jakarta.validation.constraints.NotEmpty(message = "validation.required")
            List<vn.congvan.registry.DocumentType> types) {}

    @org.springframework.web.bind.annotation.PostMapping("/api/v1/units/{unitId}/registers")
    @HoldsRole(
            value = Role.CLERK,
            anywhere = {},
            refusal = RegistryRefusals.CLERK_ONLY)
    @Operation(
            operationId = "openTypeRegister",
            summary = "Open an outgoing register kept for some document types only (the unit's clerk)")
    ResponseEntity<Register> openTypeRegister(
            @PathVariable UUID unitId,
            @org.springframework.web.bind.annotation.RequestBody byte[] body,
            @AuthenticationPrincipal Official official) {
        OpenTypeRegister command = metadata.read(body, OpenTypeRegister.class);
        return ResponseEntity.status(org.springframework.http.HttpStatus.CREATED)
                .body(catalog.openTypeRegister(official, unitId, command.name(), command.types()));
    }

    @GetMapping("/api/v1/registers/{registerId}/export")
    @Operation(
            operationId = "exportRegister",
            summary = "Print a register for a period as the Appendix IV table (PDF or XLSX)")
    ResponseEntity<StreamingResponseBody> exportRegister(
            @PathVariable UUID registerId,
            @RequestParam LocalDate from,
            @RequestParam LocalDate to,
            @RequestParam(defaultValue = "PDF") RegisterFormat format,
            @AuthenticationPrincipal Official official,
            Locale locale) {
        return RegisterDownload.of(export, official, registerId, from, to, format, locale);
    }

    /** Streams a printed register with a safe file name. */
    static final class RegisterDownload {

        private RegisterDownload() {}

        static ResponseEntity<StreamingResponseBody> of(
                RegisterExport export,
                Official official,
                UUID registerId,
                LocalDate from,
                LocalDate to,
                RegisterFormat format,
                Locale locale) {
            Register register = export.printable(official, registerId);
            RegisterExport.checkPeriod(from, to);
            String name = export.fileName(register, from, to, format);
            StreamingResponseBody body = out -> export.write(register, from, to, format, locale, out);
            return Download.export(name, MediaType.parseMediaType(format.contentType()))
                    .body(body);
        }
    }
}
