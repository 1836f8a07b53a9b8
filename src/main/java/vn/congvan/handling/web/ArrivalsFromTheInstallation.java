package vn.congvan.handling.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import vn.congvan.handling.RecipientState;
import vn.congvan.handling.drafting.Arrivals;
import vn.congvan.platform.ArrivalTray;
import vn.congvan.platform.WaitingArrival;
import vn.congvan.registry.DocumentView;
import vn.congvan.registry.Registrations;
import vn.congvan.shared.Official;

/** What other units of the installation issued to the clerk's units, in the clerk's tray. */
@Component
class ArrivalsFromTheInstallation implements ArrivalTray {

    private final Arrivals arrivals;
    private final Registrations registrations;

    ArrivalsFromTheInstallation(Arrivals arrivals, Registrations registrations) {
        this.arrivals = arrivals;
        this.registrations = registrations;
    }

    @Override
    public List<WaitingArrival> waitingFor(Official clerk) {
        List<WaitingArrival> waiting = new ArrayList<>();
        for (RecipientState a : arrivals.tray(clerk)) {
            waiting.add(arrival(clerk, a));
        }
        for (RecipientState a : arrivals.revocationRequests(clerk)) {
            waiting.add(revocation(clerk, a));
        }
        return waiting;
    }

    private WaitingArrival arrival(Official clerk, RecipientState a) {
        return entry(
                a,
                arrivals.arrived(clerk, a.deliveryId()),
                false,
                "/arrivals/" + a.deliveryId() + "/register",
                "handling.ui.registerArrival",
                "/arrivals/" + a.deliveryId() + "/refuse",
                "handling.ui.refuse");
    }

    private WaitingArrival revocation(Official clerk, RecipientState a) {
        return entry(
                a,
                arrivals.arrived(clerk, a.deliveryId()),
                true,
                "/revocation-requests/" + a.deliveryId() + "/accept",
                "handling.ui.acceptRevocation",
                "/revocation-requests/" + a.deliveryId() + "/refuse",
                "handling.ui.refuseRevocation");
    }

    @Override
    public int countFor(Official clerk) {
        return arrivals.tray(clerk).size() + arrivals.revocationRequests(clerk).size();
    }

    /**
     * The province's clerk may have hundreds waiting: only the first few are described, ordered by
     * urgency read in one query and by the time they were sent.
     */
    @Override
    public List<WaitingArrival> firstFor(Official clerk, int limit) {
        List<RecipientState> arrived = arrivals.tray(clerk);
        List<RecipientState> revocations = arrivals.revocationRequests(clerk);
        Set<java.util.UUID> urgent = registrations.urgentAmong(Stream.concat(arrived.stream(), revocations.stream())
                .map(RecipientState::documentId)
                .toList());
        Comparator<RecipientState> urgentFirst =
                Comparator.comparing((RecipientState a) -> !urgent.contains(a.documentId()));
        List<WaitingArrival> first = new ArrayList<>();
        arrived.stream()
                .sorted(urgentFirst.thenComparing(RecipientState::sentAt))
                .limit(limit)
                .forEach(a -> first.add(arrival(clerk, a)));
        revocations.stream()
                .sorted(urgentFirst.thenComparing(RecipientState::changedAt))
                .limit(limit)
                .forEach(a -> first.add(revocation(clerk, a)));
        return first.stream()
                .sorted(ArrivalTray.URGENT_THEN_OLDEST)
                .limit(limit)
                .toList();
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
