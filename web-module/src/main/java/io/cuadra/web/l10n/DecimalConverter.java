package io.cuadra.web.l10n;

import io.cuadra.web.shell.LocaleSelector;
import io.cuadra.web.shell.Texts;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import org.primefaces.component.inputnumber.InputNumber;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Every decimal input of the back office, by type: read and shown the tenant's way (es-PE 1,234.50;
 * fr-FR 1 234,50). A number written another way is refused beside its field with an example, never
 * reinterpreted. PrimeFaces' inputNumber keeps its own client-side formatting and submits plain digits.
 * Registered for the type in faces-config.xml (an annotation would lose to the standard converter).
 */
public class DecimalConverter implements Converter<BigDecimal> {

    @Override
    public BigDecimal getAsObject(FacesContext context, UIComponent component, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (component instanceof InputNumber) {
            try {
                return new BigDecimal(value.strip());
            } catch (NumberFormatException e) {
                throw refused(component, value, new DecimalText(Locale.ROOT));
            }
        }
        DecimalText text = new DecimalText(locale());
        return text.parse(value).orElseThrow(() -> refused(component, value, text));
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, BigDecimal value) {
        if (value == null) {
            return "";
        }
        if (component instanceof InputNumber) {
            return value.toPlainString();
        }
        return new DecimalText(locale()).format(value, Math.min(Math.max(value.scale(), 0), 2));
    }

    private static Locale locale() {
        return CDI.current().select(LocaleSelector.class).get().getFormatLocale();
    }

    private static ConverterException refused(UIComponent component, String value, DecimalText text) {
        Object label = component.getAttributes().get("label");
        String message = Texts.get("l10n.number.invalid", value, text.example());
        if (label != null) {
            message = label + ": " + message;
        }
        return new ConverterException(new FacesMessage(FacesMessage.SEVERITY_ERROR, message, message));
    }
}
