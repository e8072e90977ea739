package io.cuadra.customers.domain;

/** How the customer prefers to hear from the business (results ready, reminders). */
public enum ContactChannel {
    EMAIL, SMS, WHATSAPP, PHONE, NONE
}
