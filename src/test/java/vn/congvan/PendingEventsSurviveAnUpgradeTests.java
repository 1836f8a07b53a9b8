package vn.congvan;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Events are kept in {@code event_publication} until every listener took them, and found again at a
 * restart by the event's class name and the listener's method. Moving or renaming either strands the
 * publications an earlier version left: a migration must rename them (as V1_41 did), then this list.
 */
class PendingEventsSurviveAnUpgradeTests {

    /** The listeners as Spring Modulith names them in {@code event_publication.listener_id}. */
    static final Set<String> LISTENERS = Set.of(
            "vn.congvan.exchange.arrival.ElectronicArrivals.on(vn.congvan.exchange.axis.AxisPackageReceived)",
            "vn.congvan.exchange.arrival.ElectronicArrivals.on(vn.congvan.handling.IncomingCaseChanged)",
            "vn.congvan.exchange.outside.Sending.on(vn.congvan.registry.DocumentRevoked)",
            "vn.congvan.exchange.outside.Sending.on(vn.congvan.signing.DocumentSigned)",
            "vn.congvan.handling.drafting.Arrivals.on(vn.congvan.handling.IncomingCaseChanged)",
            "vn.congvan.handling.drafting.Issuing.on(vn.congvan.signing.DocumentSigned)",
            "vn.congvan.handling.drafting.SealedOutgoingDelivery.on(vn.congvan.signing.DocumentSigned)",
            "vn.congvan.handling.incoming.CaseOpening.on(vn.congvan.registry.DocumentRegistered)",
            "vn.congvan.registry.demo.DemoDocuments.on(vn.congvan.directory.DemoDirectorySeeded)",
            "vn.congvan.signing.demo.DemoCertificates.on(vn.congvan.directory.DemoDirectorySeeded)",
            "vn.congvan.signing.validation.IntakeValidation.on(vn.congvan.registry.FileVersionAdded)",
            "vn.congvan.statistics.figures.FigureFollower.on(vn.congvan.handling.IncomingCaseChanged)",
            "vn.congvan.statistics.figures.FigureFollower.on(vn.congvan.registry.DocumentRegistered)",
            "vn.congvan.statistics.figures.FigureFollower.on(vn.congvan.registry.DocumentRevoked)",
            "vn.congvan.statistics.figures.FigureFollower.on(vn.congvan.registry.DossierClosed)",
            "vn.congvan.statistics.figures.FigureFollower.on(vn.congvan.registry.FileVersionAdded)",
            "vn.congvan.statistics.figures.FigureFollower.on(vn.congvan.signing.DocumentSigned)",
            "vn.congvan.statistics.figures.FigureFollower.on(vn.congvan.signing.SignaturesValidated)");

    @Test
    void everyListenerOfStoredEventsIsWhereThePublicationsOfTheLastVersionLookForIt() {
        Set<String> listeners = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("vn.congvan").stream()
                        .flatMap(type -> type.getMethods().stream())
                        .filter(method -> method.isAnnotatedWith(ApplicationModuleListener.class)
                                || method.isAnnotatedWith(TransactionalEventListener.class))
                        .map(PendingEventsSurviveAnUpgradeTests::listenerId)
                        .collect(Collectors.toCollection(TreeSet::new));

        assertThat(listeners)
                .as("listeners of stored events moved, renamed, added or removed: rename what earlier versions "
                        + "stored in event_publication with a platform migration (as V1_41), then update this list")
                .isEqualTo(new TreeSet<>(LISTENERS));
    }

    private static String listenerId(JavaMethod method) {
        return method.getOwner().getName() + "." + method.getName() + "("
                + method.getRawParameterTypes().stream().map(JavaClass::getName).collect(Collectors.joining(","))
                + ")";
    }
}
