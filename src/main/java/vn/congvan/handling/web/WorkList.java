package vn.congvan.handling.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.congvan.handling.drafting.MyDraftWork;
import vn.congvan.handling.incoming.MyIncomingWork;
import vn.congvan.handling.work.WorkItem;
import vn.congvan.shared.Official;

/** Everything waiting for an official, incoming documents and drafts alike: urgent first, then by deadline. */
@Component
class WorkList {

    private final MyIncomingWork incoming;
    private final MyDraftWork drafts;

    WorkList(MyIncomingWork incoming, MyDraftWork drafts) {
        this.incoming = incoming;
        this.drafts = drafts;
    }

    List<WorkItem> of(Official official) {
        List<WorkItem> items = new ArrayList<>(incoming.of(official));
        items.addAll(drafts.of(official));
        items.sort(Comparator.comparing(WorkItem::urgent)
                .reversed()
                .thenComparing(WorkItem::deadline, Comparator.nullsLast(Comparator.naturalOrder())));
        return items;
    }
}
