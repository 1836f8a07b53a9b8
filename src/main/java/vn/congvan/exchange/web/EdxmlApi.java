package vn.congvan.exchange.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import vn.congvan.exchange.arrival.ElectronicArrivals;
import vn.congvan.exchange.edxml.Edxml;
import vn.congvan.exchange.edxml.EdxmlPackage;
import vn.congvan.exchange.outside.DocumentPackages;
import vn.congvan.registry.DocumentFiles;
import vn.congvan.registry.DocumentView;
import vn.congvan.registry.RegistryRefusals;
import vn.congvan.shared.HoldsRole;
import vn.congvan.shared.Official;
import vn.congvan.shared.Role;
import vn.congvan.storage.Download;

/** The exchange API: an issued document as the edXML package other systems read, and a received package registered. */
@RestController
@Tag(name = "exchange")
class EdxmlApi {

    private final DocumentFiles documents;
    private final DocumentPackages packages;
    private final Edxml edxml;
    private final ElectronicArrivals arrivals;

    EdxmlApi(DocumentFiles documents, DocumentPackages packages, Edxml edxml, ElectronicArrivals arrivals) {
        this.arrivals = arrivals;
        this.documents = documents;
        this.packages = packages;
        this.edxml = edxml;
    }

    @GetMapping("/api/v1/documents/{id}/edxml")
    @Operation(
            operationId = "exportEdxml",
            summary = "An issued document as an edXML package (QCVN 102:2016), its files streamed in base64")
    ResponseEntity<StreamingResponseBody> exportEdxml(
            @PathVariable UUID id, @AuthenticationPrincipal Official official) {
        DocumentView document = documents.readable(official, id);
        EdxmlPackage edxmlPackage = packages.of(document);
        String name = String.valueOf(document.notation()).replaceAll("[^\\p{L}\\p{N}-]+", "_") + ".edxml";
        return Download.export(name, MediaType.APPLICATION_XML).body(out -> edxml.write(edxmlPackage, out));
    }

    @org.springframework.web.bind.annotation.PostMapping(
            path = "/api/v1/units/{unitId}/edxml",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @HoldsRole(
            value = Role.CLERK,
            anywhere = {},
            refusal = RegistryRefusals.CLERK_ONLY)
    @Operation(
            operationId = "importEdxml",
            summary =
                    "The unit's clerk imports a received edXML package: a document is registered as an incoming document"
                            + " (201), a status is applied to the unit's outgoing document it reports on (200), a document to look"
                            + " at first (no signed PDF, a file of its manifest missing, addressed to another organ) is put in"
                            + " the unit's tray of electronic arrivals with its warnings (202, the arrival)")
    ResponseEntity<Object> importEdxml(
            @PathVariable UUID unitId,
            @org.springframework.web.bind.annotation.RequestPart("file")
                    org.springframework.web.multipart.MultipartFile file,
            @org.springframework.web.bind.annotation.RequestParam(defaultValue = "false") boolean confirmDuplicate,
            @AuthenticationPrincipal Official official)
            throws java.io.IOException {
        ElectronicArrivals.Imported imported =
                arrivals.importPackage(official, unitId, file::getInputStream, confirmDuplicate);
        if (imported.arrival() != null) {
            return ResponseEntity.status(org.springframework.http.HttpStatus.ACCEPTED)
                    .body(imported.arrival());
        }
        return ResponseEntity.status(
                        imported.status()
                                ? org.springframework.http.HttpStatus.OK
                                : org.springframework.http.HttpStatus.CREATED)
                .body(imported.document());
    }
}
