package io.cuadra.web.l10n;

import jakarta.faces.convert.FacesConverter;

/** {@link DecimalConverter} by id, for values whose type the page cannot tell (a map's entry). */
@FacesConverter("cuadra.decimal")
public class DecimalByIdConverter extends DecimalConverter {
}
