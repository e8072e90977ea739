package io.cuadra.web.l10n;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Optional;

/** Days as a locale writes them (dd/MM/yyyy; dd-MM-yyyy in Chile), ISO accepted too; an impossible day is refused. */
public final class DayText {

    private final DateTimeFormatter local;

    public DayText(Locale locale) {
        // uuuu with STRICT: 31/02/2026 is refused, not moved to March.
        this.local = DateTimeFormatter.ofPattern(Formats.datePattern(locale).replace("yyyy", "uuuu"), locale)
                .withResolverStyle(ResolverStyle.STRICT);
    }

    public Optional<LocalDate> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String s = text.strip();
        for (DateTimeFormatter f : new DateTimeFormatter[]{local, DateTimeFormatter.ISO_LOCAL_DATE}) {
            try {
                return Optional.of(LocalDate.parse(s, f));
            } catch (DateTimeParseException e) {
                // try the next writing
            }
        }
        return Optional.empty();
    }

    public String format(LocalDate day) {
        return local.format(day);
    }

    public String example() {
        return format(LocalDate.of(2026, 12, 31));
    }
}
