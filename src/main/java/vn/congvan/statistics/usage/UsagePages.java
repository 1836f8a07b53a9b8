package vn.congvan.statistics.usage;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.congvan.directory.Directory;
import vn.congvan.directory.PersonView;
import vn.congvan.directory.UnitView;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.Official;
import vn.congvan.shared.Role;
import vn.congvan.shared.VietnamTime;
import vn.congvan.statistics.figures.Period;
import vn.congvan.statistics.figures.PeriodChoices;

/**
 * The usage scores as a page for a unit's IT officer and leaders: a period picked from a list (this
 * quarter so far unless another is asked for), each official's counts, score and ranks, and the
 * same period's spreadsheet. Who may read what is {@link UsageScope}'s, as for the API.
 */
@Controller
class UsagePages {

    private static final String PAGE = "/statistics/units/{unitId}/usage";
    private static final int PEOPLE_PAGE = 500;

    private final UsageScores scores;
    private final UsageScope scope;
    private final UsageWorkbook workbook;
    private final Directory directory;
    private final MessageSource messages;
    private final Clock clock;

    UsagePages(
            UsageScores scores,
            UsageScope scope,
            UsageWorkbook workbook,
            Directory directory,
            MessageSource messages,
            Clock clock) {
        this.scores = scores;
        this.scope = scope;
        this.workbook = workbook;
        this.directory = directory;
        this.messages = messages;
        this.clock = clock;
    }

    /** The official's own scores page: the widest unit they read as their own (a district's IT officer, the district). */
    @GetMapping("/statistics/usage")
    String own(@AuthenticationPrincipal Official official) {
        Set<UUID> own = new LinkedHashSet<>(scope.ownUnits(official));
        if (official.isAdministrator() || official.isProvincialMonitor()) {
            own.addAll(official.unitIds());
        }
        UnitView widest = own.stream()
                .map(directory::findUnit)
                .flatMap(Optional::stream)
                .min(Comparator.comparing(UnitView::level).thenComparing(UnitView::name))
                .orElseThrow(() -> DomainException.forbidden("statistics.usage.out-of-scope"));
        return "redirect:/statistics/units/" + widest.id() + "/usage";
    }

    @GetMapping(PAGE)
    String page(
            @PathVariable UUID unitId,
            @RequestParam(required = false) @Nullable String period,
            @AuthenticationPrincipal Official official,
            Model model,
            Locale locale) {
        LocalDate today = today();
        UsageReport report = scores.scores(official, unitId, () -> asked(period, today), null);
        Period shown = asked(period, today);
        model.addAttribute("unit", directory.unit(unitId));
        model.addAttribute("report", report);
        model.addAttribute("formulaInWords", inWords(report.formula(), locale));
        model.addAttribute("lines", lines(report, locale));
        model.addAttribute("period", shown);
        model.addAttribute("periodChoices", PeriodChoices.around(today, shown));
        model.addAttribute("fromDay", VietnamTime.DAY.format(report.from()));
        model.addAttribute("toDay", VietnamTime.DAY.format(report.to()));
        model.addAttribute(
                "idle", report.officials().stream().filter(UsageRow::didNothing).count());
        model.addAttribute(
                "severalUnits",
                report.officials().stream().map(UsageRow::unitId).distinct().count() > 1);
        model.addAttribute("inDistrict", report.officials().stream().anyMatch(r -> r.rankInDistrict() != null));
        return "statistics/usage";
    }

    @GetMapping(PAGE + "/export")
    ResponseEntity<Resource> export(
            @PathVariable UUID unitId,
            @RequestParam(required = false) @Nullable String period,
            @AuthenticationPrincipal Official official,
            Locale locale) {
        LocalDate today = today();
        return workbook.download(scores.scores(official, unitId, () -> asked(period, today), null), locale);
    }

    /** One line of the table: an official's row, the titles they hold in its unit, and whether they did nothing. */
    record Line(UsageRow row, String title, boolean idle) {}

    /** The period asked for, or this quarter so far: the quarterly checks are what the scores are for. */
    private static Period asked(@Nullable String period, LocalDate today) {
        if (period == null || period.isBlank()) {
            return Period.quarter(today.getYear(), (today.getMonthValue() + 2) / 3);
        }
        return Period.parse(period);
    }

    private List<Line> lines(UsageReport report, Locale locale) {
        Set<UUID> units = new LinkedHashSet<>();
        report.officials().forEach(r -> units.add(r.unitId()));
        Map<UUID, PersonView> people = new HashMap<>();
        for (int offset = 0; ; offset += PEOPLE_PAGE) {
            List<PersonView> page = directory.peopleOf(units, PEOPLE_PAGE, offset);
            page.forEach(p -> people.put(p.id(), p));
            if (page.size() < PEOPLE_PAGE) {
                break;
            }
        }
        List<Line> lines = new ArrayList<>();
        for (UsageRow row : report.officials()) {
            lines.add(new Line(row, title(people.get(row.personId()), row.unitId(), locale), row.didNothing()));
        }
        return lines;
    }

    /** The titles printed under their signatures in the unit ("Phó Chủ tịch"), else the names of their roles. */
    private String title(@Nullable PersonView person, UUID unitId, Locale locale) {
        if (person == null) {
            return "";
        }
        Set<String> titles = new LinkedHashSet<>();
        for (PersonView.Position position : person.positions()) {
            String title = position.title();
            if (position.unitId().equals(unitId) && position.role() != Role.ADMINISTRATOR) {
                titles.add(
                        title != null && !title.isBlank()
                                ? title
                                : messages.getMessage(
                                        "directory.role." + position.role().name(), null, locale));
            }
        }
        return String.join(", ", titles);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(VietnamTime.ZONE));
    }

    /** The formula as the page's columns name its quantities: "2 × Văn bản đăng ký + Phân công xử lý …". */
    private String inWords(String formula, Locale locale) {
        java.util.regex.Matcher name =
                java.util.regex.Pattern.compile("[A-Za-z]+").matcher(formula);
        StringBuilder words = new StringBuilder();
        while (name.find()) {
            String said = UsageVariable.named(name.group())
                    .map(v -> messages.getMessage("statistics.usage.col." + v.formulaName(), null, locale))
                    .orElse(name.group());
            name.appendReplacement(words, java.util.regex.Matcher.quoteReplacement(said));
        }
        name.appendTail(words);
        return words.toString().replace("*", " × ").replaceAll("\\s+", " ").trim();
    }
}
