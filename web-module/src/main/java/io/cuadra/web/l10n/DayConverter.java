package io.cuadra.web.l10n;

import io.cuadra.web.shell.LocaleSelector;
import io.cuadra.web.shell.Texts;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;

import java.time.LocalDate;
import java.util.Locale;

/**
 * A calendar day typed the tenant's way (07/12/2026 in Peru and France) or as ISO (2026-12-07), shown the
 * tenant's way. Date pickers name it ({@code converter="cuadra.date"}) with {@code pattern="#{fmt.datePattern()}"}.
 */
@FacesConverter("cuadra.date")
public class DayConverter implements Converter<LocalDate> {

    @Override
    public LocalDate getAsObject(FacesContext context, UIComponent component, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        DayText text = new DayText(locale());
        return text.parse(value).orElseThrow(() -> {
            String message = Texts.get("l10n.date.invalid", value.strip(), text.example());
            Object label = component.getAttributes().get("label");
            String shown = label == null ? message : label + ": " + message;
            return new ConverterException(new FacesMessage(FacesMessage.SEVERITY_ERROR, shown, shown));
        });
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, LocalDate value) {
        return value == null ? "" : new DayText(locale()).format(value);
    }

    private static Locale locale() {
        return CDI.current().select(LocaleSelector.class).get().getFormatLocale();
    }
}
