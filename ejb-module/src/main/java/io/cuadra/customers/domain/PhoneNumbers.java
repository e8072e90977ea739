package io.cuadra.customers.domain;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.cuadra.shared.domain.RuleViolation;

/**
 * Phone numbers as people write them ("987 654 321", "(01) 440-5500") turned into E.164
 * ("+51987654321") so the same phone is stored, searched and dialled one way.
 */
public final class PhoneNumbers {

    public static final String DEFAULT_REGION = "PE";

    private PhoneNumbers() {
    }

    /** E.164 form, or null for nothing typed; a number that cannot be a phone is refused. */
    public static String toE164(String raw, String region) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        try {
            PhoneNumber number = util.parse(raw, region == null || region.isBlank() ? DEFAULT_REGION : region);
            if (!util.isValidNumber(number)) {
                throw new RuleViolation("phone: " + raw + " is not a valid phone number"
                        + (raw.strip().startsWith("+") ? "." : " for " + region + " (add the country code, e.g. +33).")).withKey("customers.validPhoneNumber", raw, (raw.strip().startsWith("+") ? "." : " for " + region + " (add the country code, e.g. +33)."));
            }
            return util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            throw new RuleViolation("phone: " + raw + " is not a phone number.").withKey("customers.phoneNumber", raw);
        }
    }
}
