package io.cuadra.purchasing.domain;

import io.cuadra.shared.identitydocuments.DocumentCheck;
import io.cuadra.shared.identitydocuments.DocumentType;
import io.cuadra.shared.country.CountryPacks;
import io.cuadra.shared.domain.RuleViolation;
import io.cuadra.shared.tenancy.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Who goods are bought from. The tax id is optional (small suppliers have none); when given it is checked by the
 * rule of the supplier's country pack, as a company's is (RUC in Peru, RUT in Chile, RFC in Mexico, SIRET/SIREN/VAT in
 * France); a country without a pack takes free text with a format check.
 */
@Entity
@Table(name = "suppliers")
public class Supplier extends TenantEntity {

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern FOREIGN_TAX_ID = Pattern.compile("[A-Z0-9][A-Z0-9 ./-]{2,19}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    @Column(nullable = false)
    private String name;
    @Column(nullable = false)
    private String country;
    @Column(name = "tax_id", nullable = false)
    private String taxId;
    @Column(name = "contact_name")
    private String contactName;
    private String email;
    private String phone;
    private String address;
    private String notes;
    @Column(nullable = false)
    private boolean active = true;

    protected Supplier() {
    }

    public Supplier(String country, String taxId, String name) {
        identify(country, taxId);
        rename(name);
    }

    /**
     * The tax id, normalised; refused with the reason when it breaks its country's rule. Optional: small
     * suppliers (SIPUD's, the clinic's) have none, so blank means "none" (null), never "invalid".
     */
    public static String checkedTaxId(String country, String taxId) {
        if (country == null || !COUNTRY.matcher(country).matches()) {
            throw new RuleViolation("country: use the two-letter ISO country code; got \"" + country + "\".").withKey("purchasing.useTwoLetter", country);
        }
        if (taxId == null || taxId.isBlank()) {
            return null;
        }
        var pack = CountryPacks.find(country);
        if (pack.isPresent()) {
            // A country with a pack checks a company's tax id its way: RUC, RUT (mod 11, K), RFC, SIRET/SIREN/VAT.
            List<String> types = pack.get().companyTaxIdTypes();
            var valid = DocumentType.firstValid(types, taxId);
            if (valid.isEmpty()) {
                DocumentCheck check = DocumentType.valueOf(types.get(0)).check(taxId);
                throw new RuleViolation("taxId: " + check.problem()).withKey(check.problemKey(), check.problemArgs().toArray());
            }
            return valid.get().number();
        }
        String n = taxId == null ? "" : taxId.strip().toUpperCase(Locale.ROOT);
        if (!FOREIGN_TAX_ID.matcher(n).matches()) {
            throw new RuleViolation("taxId: 3 to 20 letters, digits, spaces, '.', '-' or '/', starting with a letter "
                    + "or digit; got \"" + taxId + "\".").withKey("purchasing.lettersDigitsSpaces", taxId);
        }
        return n;
    }

    public void identify(String country, String taxId) {
        this.taxId = checkedTaxId(country, taxId);
        this.country = country;
    }

    public void rename(String name) {
        if (name == null || name.isBlank()) {
            throw new RuleViolation("name: a supplier needs a name.").withKey("purchasing.supplierNeedsName");
        }
        this.name = name.strip();
    }

    public void reachAt(String contactName, String email, String phone, String address) {
        if (email != null && !email.isBlank() && !EMAIL.matcher(email.strip()).matches()) {
            throw new RuleViolation("email: \"" + email + "\" is not an e-mail address.").withKey("platform.mailAddress", email);
        }
        this.contactName = blankToNull(contactName);
        this.email = email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
        this.phone = blankToNull(phone);
        this.address = blankToNull(address);
    }

    public void annotate(String notes, boolean active) {
        this.notes = blankToNull(notes);
        this.active = active;
    }

    /** Goods may be ordered from it. */
    public void requireActive() {
        if (!active) {
            throw new RuleViolation("supplierId: supplier " + name + " is no longer active.").withKey("purchasing.supplierLongerActive", name);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public String getName() {
        return name;
    }

    public String getCountry() {
        return country;
    }

    public String getTaxId() {
        return taxId;
    }

    public String getContactName() {
        return contactName;
    }

    public String getEmail() {
        return email;
    }

    public String getPhone() {
        return phone;
    }

    public String getAddress() {
        return address;
    }

    public String getNotes() {
        return notes;
    }

    public boolean isActive() {
        return active;
    }
}
