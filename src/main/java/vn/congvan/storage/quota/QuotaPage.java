package vn.congvan.storage.quota;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import vn.congvan.directory.Directory;
import vn.congvan.platform.StepOutcome;
import vn.congvan.shared.Diacritics;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.Official;

/**
 * The administrator's page of the province's storage quotas: every unit (or those whose name holds
 * the words looked for, with or without marks) with what its officials have brought and its quota in
 * gigabytes, set or removed on its row.
 */
@Controller
@PreAuthorize("hasRole('ADMINISTRATOR')")
class QuotaPage {

    private static final BigDecimal GIGABYTE = BigDecimal.valueOf(1_000_000_000L);

    /**
     * A unit's row: its use and its quota in gigabytes written in the reader's language (the quota
     * without grouping, as the field takes it back; empty: no quota), and whether the use passes it.
     */
    record UnitRow(UUID unitId, String name, String used, String quota, boolean over) {}

    private final UnitQuotas quotas;
    private final Directory directory;
    private final StepOutcome steps;

    QuotaPage(UnitQuotas quotas, Directory directory, StepOutcome steps) {
        this.quotas = quotas;
        this.directory = directory;
        this.steps = steps;
    }

    @GetMapping("/storage/quotas")
    String quotas(@RequestParam(defaultValue = "") String q, Model model, Locale locale) {
        String wanted = Diacritics.fold(q.strip());
        Map<UUID, UnitQuota> set =
                quotas.all().stream().collect(Collectors.toMap(UnitQuota::unitId, Function.identity()));
        Map<UUID, Long> used = quotas.usedByUnit();
        List<UnitRow> rows = directory.units().stream()
                .filter(unit -> wanted.isEmpty() || Diacritics.fold(unit.name()).contains(wanted))
                .map(unit -> {
                    UnitQuota quota = set.get(unit.id());
                    long bytes = used.getOrDefault(unit.id(), 0L);
                    return new UnitRow(
                            unit.id(),
                            unit.name(),
                            gigabytes(bytes, locale, true),
                            quota == null ? "" : gigabytes(quota.quotaBytes(), locale, false),
                            quota != null && bytes > quota.quotaBytes());
                })
                .toList();
        model.addAttribute("units", rows);
        model.addAttribute("q", q.strip());
        return "storage/quotas";
    }

    /** Sets the unit's quota from the gigabytes written on its row; an empty field removes it. */
    @PostMapping("/storage/quotas/{unitId}")
    String setQuota(
            @PathVariable UUID unitId,
            @RequestParam(defaultValue = "") String gigabytes,
            @RequestParam(defaultValue = "") String q,
            @AuthenticationPrincipal Official administrator,
            RedirectAttributes redirect) {
        UriComponentsBuilder back = UriComponentsBuilder.fromPath("/storage/quotas");
        if (!q.isBlank()) {
            back.queryParam("q", q.strip());
        }
        back.fragment("unit-" + unitId);
        return steps.take(back.encode().toUriString(), redirect, () -> {
            if (gigabytes.isBlank()) {
                quotas.remove(administrator, unitId);
            } else {
                quotas.set(administrator, unitId, bytes(gigabytes));
            }
        });
    }

    /** Bytes in gigabytes with at most three decimals (a megabyte), as the reader writes numbers. */
    private static String gigabytes(long bytes, Locale locale, boolean grouped) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(3);
        format.setGroupingUsed(grouped);
        return format.format(BigDecimal.valueOf(bytes).divide(GIGABYTE, 3, RoundingMode.HALF_UP));
    }

    /** Gigabytes as an official writes them ("500", "1,5" or "1.5") in bytes. */
    static long bytes(String gigabytes) {
        try {
            BigDecimal written = new BigDecimal(gigabytes.strip().replace(',', '.'));
            if (written.signum() <= 0 || written.compareTo(BigDecimal.valueOf(9_000_000_000L)) > 0) {
                throw DomainException.invalid("storage.quota.positive");
            }
            return written.multiply(GIGABYTE).setScale(0, RoundingMode.HALF_UP).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw DomainException.invalid("storage.quota.positive");
        }
    }
}
