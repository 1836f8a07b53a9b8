package vn.congvan.exchange.web;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.congvan.exchange.arrival.ElectronicArrival;
import vn.congvan.exchange.arrival.ElectronicArrivals;
import vn.congvan.platform.ArrivalTray;
import vn.congvan.platform.WaitingArrival;
import vn.congvan.platform.WaitingArrival.Mark;
import vn.congvan.shared.Official;

/**
 * What other agencies sent over the axis to the clerk's units, in the clerk's tray, with the
 * verdict on its signatures and what else the clerk is warned of.
 */
@Component
class ArrivalsOverTheAxis implements ArrivalTray {

    private final ElectronicArrivals arrivals;

    ArrivalsOverTheAxis(ElectronicArrivals arrivals) {
        this.arrivals = arrivals;
    }

    @Override
    public List<WaitingArrival> waitingFor(Official clerk) {
        return arrivals.tray(clerk).stream().map(ArrivalsOverTheAxis::entry).toList();
    }

    @Override
    public int countFor(Official clerk) {
        return arrivals.tray(clerk).size();
    }

    private static WaitingArrival entry(ElectronicArrival a) {
        String path = ElectronicArrivalPages.TRAY + "/" + a.id();
        boolean revocation = a.state().equals("REVOKE_REQUESTED");
        List<Mark> marks = new ArrayList<>();
        marks.add(new Mark(
                "exchange.verdict." + a.signatureVerdict(), null, a.flagged() ? Mark.Tone.WARNING : Mark.Tone.GOOD));
        if (a.signatureDetail() != null) {
            marks.add(new Mark(a.signatureDetail(), null, Mark.Tone.NOTE));
        }
        if (!revocation && !a.signatureVerdict().equals("ALL_VALID")) {
            marks.add(new Mark("exchange.ui.flagged", null, Mark.Tone.ALERT));
        }
        a.warnings().forEach(w -> marks.add(new Mark(w.code(), w.argument(), Mark.Tone.ALERT)));
        return new WaitingArrival(
                WaitingArrival.Source.AXIS,
                a.id().toString(),
                a.documentId(),
                revocation,
                a.typeName(),
                a.notation(),
                a.fromOrganName(),
                a.subject(),
                a.urgent(),
                revocation ? a.changedAt() : a.arrivedAt(),
                a.withoutPdf() ? null : path + "/file",
                revocation ? path + "/accept-revocation" : path + "/register",
                revocation
                        ? "exchange.ui.acceptRevocation"
                        : a.withoutPdf() ? "exchange.ui.registerWithoutPdf" : "exchange.ui.register",
                revocation ? path + "/refuse-revocation" : path + "/refuse",
                revocation ? "exchange.ui.refuseRevocation" : "exchange.ui.refuse",
                revocation ? a.revokeReason() : null,
                marks);
    }
}
