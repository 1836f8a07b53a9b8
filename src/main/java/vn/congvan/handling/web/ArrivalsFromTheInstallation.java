package vn.congvan.handling.web;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.congvan.handling.RecipientState;
import vn.congvan.handling.drafting.Arrivals;
import vn.congvan.platform.ArrivalTray;
import vn.congvan.platform.WaitingArrival;
import vn.congvan.registry.DocumentView;
import vn.congvan.shared.Official;

/** What other units of the installation issued to the clerk's units, in the clerk's tray. */
@Component
class ArrivalsFromTheInstallation implements ArrivalTray {

    private final Arrivals arrivals;

    ArrivalsFromTheInstallation(Arrivals arrivals) {
        this.arrivals = arrivals;
    }

    @Override
    public List<WaitingArrival> waitingFor(Official clerk) {
        List<WaitingArrival> waiting = new ArrayList<>();
        for (RecipientState a : arrivals.tray(clerk)) {
            waiting.add(entry(
                    a,
                    arrivals.arrived(clerk, a.deliveryId()),
                    false,
                    "/arrivals/" + a.deliveryId() + "/register",
                    "handling.ui.registerArrival",
                    "/arrivals/" + a.deliveryId() + "/refuse",
                    "handling.ui.refuse"));
        }
        for (RecipientState a : arrivals.revocationRequests(clerk)) {
            waiting.add(entry(
                    a,
                    arrivals.arrived(clerk, a.deliveryId()),
                    true,
                    "/revocation-requests/" + a.deliveryId() + "/accept",
                    "handling.ui.acceptRevocation",
                    "/revocation-requests/" + a.deliveryId() + "/refuse",
                    "handling.ui.refuseRevocation"));
        }
        return waiting;
    }

    @Override
    public int countFor(Official clerk) {
        return arrivals.tray(clerk).size() + arrivals.revocationRequests(clerk).size();
    }

    private static WaitingArrival entry(
            RecipientState a,
            DocumentView sent,
            boolean revocation,
            String acceptPath,
            String acceptLabel,
            String refusePath,
            String refuseLabel) {
        return new WaitingArrival(
                WaitingArrival.Source.INSTALLATION,
                a.deliveryId().toString(),
                a.documentId().toString(),
                revocation,
                sent.metadata().typeName(),
                java.util.Objects.requireNonNullElse(sent.notation(), ""),
                sent.unitName(),
                sent.metadata().subject(),
                sent.urgent(),
                revocation ? a.changedAt() : a.sentAt(),
                "/arrivals/" + a.deliveryId() + "/file",
                acceptPath,
                acceptLabel,
                refusePath,
                refuseLabel,
                revocation ? a.reason() : null,
                List.of());
    }
}
