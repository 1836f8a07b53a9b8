package vn.congvan.exchange.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.congvan.exchange.arrival.ElectronicArrival;
import vn.congvan.exchange.arrival.ElectronicArrivals;
import vn.congvan.exchange.axis.OutsideAgencies;
import vn.congvan.exchange.axis.OutsideAgency;
import vn.congvan.exchange.outside.Sending;
import vn.congvan.handling.RecipientState;
import vn.congvan.registry.DocumentView;
import vn.congvan.shared.Official;

/**
 * The exchange through the axis seen by the clerks: sending an issued document to its outside
 * recipients, and the tray of documents received electronically with their answers.
 */
@RestController
@Tag(name = "exchange")
class ElectronicArrivalApi {

    /** A reason given by the clerk. */
    record Reason(@Nullable String comment) {}

    private final ElectronicArrivals arrivals;
    private final Sending sending;
    private final OutsideAgencies agencies;

    ElectronicArrivalApi(ElectronicArrivals arrivals, Sending sending, OutsideAgencies agencies) {
        this.arrivals = arrivals;
        this.sending = sending;
        this.agencies = agencies;
    }

    @PostMapping("/api/v1/documents/{id}/exchange")
    @Operation(
            operationId = "sendOutgoingDocument",
            summary = "The clerk sends an issued document through the axis to its recipients outside the installation"
                    + " that have not had it yet")
    List<RecipientState> sendOutgoingDocument(@PathVariable UUID id, @AuthenticationPrincipal Official official) {
        return sending.send(official, id);
    }

    @GetMapping("/api/v1/outside-agencies")
    @Operation(
            operationId = "listOutsideAgencies",
            summary = "The agencies reachable through the axis, as the last directory synchronization left them")
    List<OutsideAgency> listOutsideAgencies() {
        return agencies.list();
    }

    @GetMapping("/api/v1/electronic-arrivals")
    @Operation(
            operationId = "listElectronicArrivalTray",
            summary = "Documents received electronically that wait for the caller's clerk work: to register, or a"
                    + " revocation to answer")
    List<ElectronicArrival> listElectronicArrivalTray(@AuthenticationPrincipal Official official) {
        return arrivals.tray(official);
    }

    @GetMapping("/api/v1/units/{unitId}/electronic-arrivals")
    @Operation(
            operationId = "listElectronicArrivals",
            summary = "Everything the unit received electronically, the latest first, with the verdict on signatures")
    List<ElectronicArrival> listElectronicArrivals(
            @PathVariable UUID unitId,
            @RequestParam(defaultValue = "100") int limit,
            @AuthenticationPrincipal Official official) {
        return arrivals.ofUnit(official, unitId, limit);
    }

    @GetMapping("/api/v1/electronic-arrivals/{id}")
    @Operation(operationId = "getElectronicArrival", summary = "One document received electronically")
    ElectronicArrival getElectronicArrival(@PathVariable UUID id, @AuthenticationPrincipal Official official) {
        return arrivals.find(official, id);
    }

    @PostMapping("/api/v1/electronic-arrivals/{id}/registration")
    @Operation(
            operationId = "registerElectronicArrival",
            summary = "The clerk registers a document received electronically (status 03 to the sender); one whose "
                    + "package held no PDF is registered as such: its files kept as they came, as attachments, and the "
                    + "document marked noSignedPdf")
    ResponseEntity<DocumentView> registerElectronicArrival(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "false") boolean confirmDuplicate,
            @AuthenticationPrincipal Official official) {
        return ResponseEntity.status(HttpStatus.CREATED).body(arrivals.register(official, id, confirmDuplicate));
    }

    @PostMapping("/api/v1/electronic-arrivals/{id}/refusal")
    @Operation(
            operationId = "refuseElectronicArrival",
            summary = "The clerk refuses a document received electronically, with a reason (status 02 to the sender)")
    ElectronicArrival refuseElectronicArrival(
            @PathVariable UUID id, @RequestBody Reason body, @AuthenticationPrincipal Official official) {
        return arrivals.refuse(official, id, text(body));
    }

    @PostMapping("/api/v1/electronic-arrivals/{id}/revocation-acceptance")
    @Operation(
            operationId = "acceptElectronicRevocation",
            summary = "The clerk accepts the sender's revocation: the registered copy is revoked (status 15)")
    ElectronicArrival acceptElectronicRevocation(@PathVariable UUID id, @AuthenticationPrincipal Official official) {
        return arrivals.acceptRevocation(official, id);
    }

    @PostMapping("/api/v1/electronic-arrivals/{id}/revocation-refusal")
    @Operation(
            operationId = "refuseElectronicRevocation",
            summary = "The clerk refuses the sender's revocation with a reason; the copy stays (status 16)")
    ElectronicArrival refuseElectronicRevocation(
            @PathVariable UUID id, @RequestBody Reason body, @AuthenticationPrincipal Official official) {
        return arrivals.refuseRevocation(official, id, text(body));
    }

    private static String text(@Nullable Reason body) {
        return body == null || body.comment() == null ? "" : body.comment();
    }
}
