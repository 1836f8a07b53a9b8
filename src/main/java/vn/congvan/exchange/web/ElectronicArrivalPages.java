package vn.congvan.exchange.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.congvan.exchange.arrival.ElectronicArrivals;
import vn.congvan.exchange.edxml.EdxmlAttachment;
import vn.congvan.platform.StepOutcome;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.Official;
import vn.congvan.storage.Download;

/** The steps on documents received over the axis, taken from the clerk's tray, and their files. */
@Controller
class ElectronicArrivalPages {

    /** Where the axis's arrivals are read and acted on; the tray itself is the clerk's one tray. */
    static final String TRAY = "/exchange/arrivals";

    private static final String ONE_TRAY = "/arrivals";

    private final ElectronicArrivals arrivals;
    private final StepOutcome steps;

    ElectronicArrivalPages(ElectronicArrivals arrivals, StepOutcome steps) {
        this.arrivals = arrivals;
        this.steps = steps;
    }

    /** The address of the axis's own tray before there was one tray: its tab there. */
    @GetMapping(TRAY)
    String tray() {
        return "redirect:" + ONE_TRAY + "?source=axis";
    }

    @GetMapping(TRAY + "/{id}/file")
    ResponseEntity<byte[]> file(@PathVariable UUID id, @AuthenticationPrincipal Official official) {
        // The package's ContentType says PDF; the bytes are what the browser gets to judge.
        return arrivals.withPackage(
                official,
                id,
                p -> p.attachments().stream()
                        .filter(EdxmlAttachment::pdf)
                        .findFirst()
                        .map(a -> Download.storedFile(a.name().value(), read(a), true))
                        .orElseThrow(() -> DomainException.notFound("exchange.arrival.no-pdf")));
    }

    @PostMapping(TRAY + "/{id}/register")
    String register(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "false") boolean confirmDuplicate,
            @AuthenticationPrincipal Official official,
            RedirectAttributes redirect) {
        try {
            return "redirect:/documents/"
                    + arrivals.register(official, id, confirmDuplicate).id();
        } catch (DomainException e) {
            steps.refused(redirect, e);
            return "redirect:" + ONE_TRAY;
        }
    }

    @PostMapping(TRAY + "/{id}/refuse")
    String refuse(
            @PathVariable UUID id,
            @RequestParam String reason,
            @AuthenticationPrincipal Official official,
            RedirectAttributes redirect) {
        return steps.take(ONE_TRAY, redirect, () -> arrivals.refuse(official, id, reason));
    }

    @PostMapping(TRAY + "/{id}/accept-revocation")
    String acceptRevocation(
            @PathVariable UUID id, @AuthenticationPrincipal Official official, RedirectAttributes redirect) {
        return steps.take(ONE_TRAY, redirect, () -> arrivals.acceptRevocation(official, id));
    }

    @PostMapping(TRAY + "/{id}/refuse-revocation")
    String refuseRevocation(
            @PathVariable UUID id,
            @RequestParam String reason,
            @AuthenticationPrincipal Official official,
            RedirectAttributes redirect) {
        return steps.take(ONE_TRAY, redirect, () -> arrivals.refuseRevocation(official, id, reason));
    }

    private static byte[] read(EdxmlAttachment a) {
        try (InputStream in = a.open()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
