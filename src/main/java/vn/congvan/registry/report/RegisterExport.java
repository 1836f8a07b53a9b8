package vn.congvan.registry.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.congvan.directory.Directory;
import vn.congvan.directory.UnitView;
import vn.congvan.registry.RegisterFormat;
import vn.congvan.registry.TablePrinter;
import vn.congvan.registry.register.Register;
import vn.congvan.registry.register.Registers;
import vn.congvan.shared.DomainException;
import vn.congvan.shared.Official;
import vn.congvan.shared.Role;

/**
 * Prints a register for a period as the decree's Appendix IV table, to PDF or XLSX, streaming
 * rows from the database to the file. Only the unit's clerk, leaders and the administrator may
 * print it; secret subjects are masked and the secret series prints for the clerk only.
 */
@Service
public class RegisterExport {

    static final long MAX_DAYS = 366 * 5;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Registers registers;
    private final RegisterEntries entries;
    private final Directory directory;
    private final MessageSource messages;
    private final TablePrinter printer;

    RegisterExport(
            Registers registers,
            RegisterEntries entries,
            Directory directory,
            MessageSource messages,
            TablePrinter printer) {
        this.printer = printer;
        this.registers = registers;
        this.entries = entries;
        this.directory = directory;
        this.messages = messages;
    }

    /** The register, when the official may print it. */
    public Register printable(Official official, UUID registerId) {
        Register register = registers
                .find(registerId)
                .orElseThrow(() -> DomainException.notFound("registry.register.not-found", registerId));
        UUID unit = register.unitId();
        boolean clerk = official.holds(Role.CLERK, unit);
        boolean leader = official.holds(Role.LEADER, unit) || official.holds(Role.DEPUTY_LEADER, unit);
        if (register.confidential() ? !clerk : !(clerk || leader || official.isAdministrator())) {
            throw DomainException.forbidden("registry.register.not-allowed");
        }
        return register;
    }

    public static void checkPeriod(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw DomainException.invalid("registry.period.reversed");
        }
        if (ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
            throw DomainException.invalid("registry.period.too-long");
        }
    }

    /** The file name a download gets, e.g. {@code so-van-ban-den-2026-01-01-2026-12-31.pdf}. */
    public String fileName(Register register, LocalDate from, LocalDate to, RegisterFormat format) {
        String kind = register.direction().name().equals("INCOMING") ? "so-van-ban-den" : "so-van-ban-di";
        return kind + "-" + from + "-" + to + "." + format.extension();
    }

    @Transactional(readOnly = true)
    public void write(
            Register register, LocalDate from, LocalDate to, RegisterFormat format, Locale locale, OutputStream out) {
        checkPeriod(from, to);
        RegisterLayout layout = RegisterLayout.of(register.direction());
        UnitView unit = directory.unit(register.unitId());
        List<String> title = List.of(
                unit.name().toUpperCase(new Locale("vi")),
                msg(layout.titleKey(), locale)
                        + (register.confidential() ? " (" + msg("registry.confidentiality.SECRET", locale) + ")" : ""),
                msg("registry.register.period", locale, DAY.format(from), DAY.format(to)));
        List<String> headings =
                layout.columns().stream().map(c -> msg(c.headingKey(), locale)).toList();
        String mask = "(" + msg("registry.confidentiality.SECRET", locale) + ")";
        try {
            if (format == RegisterFormat.PDF) {
                writePdf(register, from, to, layout, title, headings, mask, locale, out);
            } else {
                writeXlsx(register, from, to, layout, title, headings, mask, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writePdf(
            Register register,
            LocalDate from,
            LocalDate to,
            RegisterLayout layout,
            List<String> title,
            List<String> headings,
            String mask,
            Locale locale,
            OutputStream out)
            throws IOException {
        printer.print(
                RegisterFormat.PDF,
                title,
                headings,
                widths(layout),
                msg("registry.register.page", locale),
                row -> entries.forEach(register, from, to, mask, row),
                out);
    }

    private void writeXlsx(
            Register register,
            LocalDate from,
            LocalDate to,
            RegisterLayout layout,
            List<String> title,
            List<String> headings,
            String mask,
            OutputStream out)
            throws IOException {
        printer.print(
                RegisterFormat.XLSX,
                title,
                headings,
                widths(layout),
                "",
                row -> entries.forEach(register, from, to, mask, row),
                out);
    }

    private static List<Integer> widths(RegisterLayout layout) {
        return layout.columns().stream().map(RegisterLayout.Column::width).toList();
    }

    private String msg(String key, Locale locale, Object... args) {
        // Never null: a default message is given.
        return Objects.requireNonNull(messages.getMessage(key, args, key, locale));
    }
}
