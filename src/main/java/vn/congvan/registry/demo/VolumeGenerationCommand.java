package vn.congvan.registry.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;
import vn.congvan.directory.DirectoryGenerator;
import vn.congvan.registry.ProvinceGenerated;
import vn.congvan.shared.VietnamTime;

/**
 * Creates a synthetic province of N units, M people and K documents over the last months, prints
 * what it made and how long it took, and ends the process:
 * {@code java -jar congvan.jar --congvan.generate.documents=1000000 --congvan.generate.units=2000}.
 */
@Component
@ConditionalOnProperty(VolumeGenerationEnvironment.PROPERTY)
class VolumeGenerationCommand implements ApplicationRunner {

    private final DirectoryGenerator directory;
    private final DocumentGenerator documents;
    private final ConfigurableApplicationContext context;
    private final Clock clock;
    private final long documentCount;
    private final int units;
    private final int people;
    private final int months;
    private final ApplicationEventPublisher events;

    VolumeGenerationCommand(
            DirectoryGenerator directory,
            DocumentGenerator documents,
            ConfigurableApplicationContext context,
            Clock clock,
            @Value("${congvan.generate.documents}") long documentCount,
            @Value("${congvan.generate.units:200}") int units,
            @Value("${congvan.generate.people:0}") int people,
            @Value("${congvan.generate.months:12}") int months,
            ApplicationEventPublisher events) {
        this.events = events;
        this.directory = directory;
        this.documents = documents;
        this.context = context;
        this.clock = clock;
        this.documentCount = documentCount;
        this.units = units;
        this.people = people > 0 ? people : units * 6;
        this.months = months;
    }

    @Override
    public void run(ApplicationArguments args) {
        long started = System.nanoTime();
        List<UUID> unitIds = directory.generate(units, people);
        long afterDirectory = System.nanoTime();
        LocalDate today = LocalDate.now(clock.withZone(VietnamTime.ZONE));
        long made = documents.generate(
                unitIds, documentCount, today.minusMonths(months).plusDays(1), today);
        long finished = System.nanoTime();
        System.out.printf(
                "Generated %d units, %d people in %s; %d documents in %s%n",
                units,
                people,
                Duration.ofNanos(afterDirectory - started),
                made,
                Duration.ofNanos(finished - afterDirectory));
        events.publishEvent(new ProvinceGenerated(units, made));
        System.exit(SpringApplication.exit(context, () -> 0));
    }
}
