package io.cuadra.lab.domain;

import java.time.LocalDate;

/**
 * The patient as the LIS needs them (PID): identity document, names, and birth date and sex when the customer
 * gave them. An anonymous counter sale has no customer: {@link #anonymous()}.
 *
 * @param documentType SUNAT catalog 06 code (1 DNI, 4 carné de extranjería, 7 passport...), null when anonymous
 * @param sex          F, M, O or U, null when not known
 */
public record Patient(String documentType, String documentNumber, String firstName, String lastName,
                      LocalDate birthDate, String sex) {

    public static Patient anonymous() {
        return new Patient(null, null, null, null, null, null);
    }

    public boolean known() {
        return documentNumber != null;
    }
}
