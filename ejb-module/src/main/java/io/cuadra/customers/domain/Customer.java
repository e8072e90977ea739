package io.cuadra.customers.domain;




import io.cuadra.shared.identitydocuments.DocumentTypeConverter;
import io.cuadra.shared.identitydocuments.DocumentCheck;
import io.cuadra.shared.identitydocuments.DocumentType;
import io.cuadra.shared.domain.Conflict;
import io.cuadra.shared.domain.RuleViolation;
import io.cuadra.shared.tenancy.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;

/**
 * A person or company the business sells to, identified by a SUNAT catalog 06 document. Deleting
 * one only hides it (orders and invoices keep pointing at it); merging a duplicate into another
 * marks it merged for good, and neither can be used for new business afterwards.
 */
@Entity
@Table(name = "customers")
public class Customer extends TenantEntity {

    /** From this many visits on, the counter greets a regular: recurrent customers get the loyalty flag. */
    public static final int RECURRENT_AFTER_VISITS = 3;
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);
    private static final java.util.Set<String> SEXES = java.util.Set.of("F", "M", "O", "U");

    @Convert(converter = DocumentTypeConverter.class)
    @Column(name = "document_type", nullable = false)
    private DocumentType documentType;
    @Column(name = "document_number", nullable = false)
    private String documentNumber;
    @Column(name = "first_name")
    private String firstName;
    @Column(name = "last_name")
    private String lastName;
    @Column(name = "business_name")
    private String businessName;
    private String email;
    private String phone;
    private String address;
    private String district;
    private String city;
    private String region;
    @Column(nullable = false)
    private String country = "PE";
    @Column(name = "preferred_language", nullable = false)
    private String preferredLanguage = "es";
    @Enumerated(EnumType.STRING)
    @Column(name = "preferred_channel", nullable = false)
    private ContactChannel preferredChannel = ContactChannel.EMAIL;
    @Column(name = "contact_opt_out", nullable = false)
    private boolean contactOptOut;
    /** Channels the customer asked not to be reached on (comma separated); contactOptOut stops them all. */
    @Column(name = "opted_out_channels", nullable = false)
    private String optedOutChannels = "";
    private String notes;
    @Column(nullable = false)
    private boolean active = true;
    @Column(name = "deleted_at")
    private Instant deletedAt;
    /** Asked by the laboratory (HL7 PID-7 / PID-8); both optional. */
    @Column(name = "birth_date")
    private LocalDate birthDate;
    private String sex;
    @Column(name = "visit_count", nullable = false)
    private int visitCount;
    @Column(nullable = false)
    private boolean recurrent;
    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "merged_into_id")
    private Customer mergedInto;
    @Column(name = "merge_reason")
    private String mergeReason;
    @Column(name = "merged_at")
    private Instant mergedAt;

    protected Customer() {
    }

    public Customer(DocumentType type, String number) {
        identify(type, number);
    }

    /** Sets the document after checking it against its type's rule (the RUC check digit, DNI length...). */
    public void identify(DocumentType type, String number) {
        Objects.requireNonNull(type, "documentType");
        DocumentCheck check = type.check(number);
        if (!check.valid()) {
            throw new RuleViolation("documentNumber: " + check.problem())
                    .withKey(check.problemKey(), check.problemArgs().toArray()).onField("number");
        }
        this.documentType = type;
        this.documentNumber = check.number();
    }

    /** A RUC holder is invoiced under its business name; a person by first and last name. */
    public void name(String firstName, String lastName, String businessName) {
        String first = blankToNull(firstName);
        String last = blankToNull(lastName);
        String business = blankToNull(businessName);
        if (documentType == DocumentType.RUC && business == null) {
            throw new RuleViolation("businessName: a customer with a RUC needs its business name (razón social).").withKey("customers.customerRucNeeds");
        }
        if (first == null && business == null) {
            throw new RuleViolation("firstName: give the customer's name (or a business name).").withKey("customers.giveCustomerS");
        }
        this.firstName = first;
        this.lastName = last;
        this.businessName = business;
    }

    /** E-mail in lower case and the phone in E.164, read in the customer's country when it has no +code. */
    public void reachAt(String email, String phone) {
        String e = blankToNull(email);
        this.email = e == null ? null : e.toLowerCase(Locale.ROOT);
        this.phone = PhoneNumbers.toE164(phone, country);
    }

    public void liveAt(String address, String district, String city, String region, String country) {
        this.address = blankToNull(address);
        this.district = blankToNull(district);
        this.city = blankToNull(city);
        this.region = blankToNull(region);
        String c = blankToNull(country);
        if (c != null && !c.matches("[A-Za-z]{2}")) {
            throw new RuleViolation("country: use the two-letter ISO code (PE, FR, CL), not " + country + ".").withKey("customers.useTwoLetter", country);
        }
        this.country = c == null ? "PE" : c.toUpperCase(Locale.ROOT);
    }

    public void prefer(String language, ContactChannel channel, boolean optOut) {
        String l = blankToNull(language);
        this.preferredLanguage = l == null ? "es" : l.toLowerCase(Locale.ROOT);
        this.preferredChannel = channel == null ? ContactChannel.EMAIL : channel;
        this.contactOptOut = optOut;
    }

    /** The customer said no to these channels (EMAIL, SMS, WHATSAPP); PHONE and NONE are not sent to. */
    public void optOutOf(java.util.Set<ContactChannel> channels) {
        this.optedOutChannels = channels.stream()
                .filter(c -> c == ContactChannel.EMAIL || c == ContactChannel.SMS || c == ContactChannel.WHATSAPP)
                .sorted().map(Enum::name).collect(java.util.stream.Collectors.joining(","));
    }

    public java.util.Set<ContactChannel> getOptedOutChannels() {
        java.util.Set<ContactChannel> out = java.util.EnumSet.noneOf(ContactChannel.class);
        for (String c : optedOutChannels.split(",")) {
            if (!c.isBlank()) {
                out.add(ContactChannel.valueOf(c));
            }
        }
        return out;
    }

    /**
     * Birth date and sex, when the customer gives them (a laboratory needs them; nothing else does). A birth date is
     * a past day after 1900; sex is F, M, O (other) or U (unknown), as HL7 table 0001 has them.
     */
    public void describe(LocalDate birthDate, String sex) {
        if (birthDate != null && (birthDate.isAfter(LocalDate.now()) || birthDate.isBefore(EARLIEST_BIRTH))) {
            throw new RuleViolation("birthDate: a past day after 1900, not " + birthDate + ".")
                    .withKey("customers.birthDateRange", birthDate.toString());
        }
        String s = blankToNull(sex);
        if (s != null && !SEXES.contains(s.toUpperCase(Locale.ROOT))) {
            throw new RuleViolation("sex: F, M, O (other) or U (unknown), not " + sex + ".").withKey("customers.sexCode", sex);
        }
        this.birthDate = birthDate;
        this.sex = s == null ? null : s.toUpperCase(Locale.ROOT);
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }

    public String getSex() {
        return sex;
    }

    public void annotate(String notes, boolean active) {
        this.notes = blankToNull(notes);
        this.active = active;
    }

    /** Counts a visit (an order taken); the orders component calls it once per order. */
    public void recordVisit() {
        requireUsable();
        visitCount++;
        recurrent = visitCount >= RECURRENT_AFTER_VISITS;
    }

    /** Hides the customer; its orders and invoices keep pointing at it. */
    public void delete() {
        requireUsable();
        active = false;
        deletedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Marks this customer as a duplicate of {@code survivor}: its visits count for the survivor, contact
     * data the survivor lacks is kept, and this one can no longer be used. Moving the rows that point at
     * it is the service's job (it knows the tables).
     */
    public void mergeInto(Customer survivor, String reason) {
        if (survivor == this || getId() != null && getId().equals(survivor.getId())) {
            throw new RuleViolation("A customer cannot be merged into itself.").withKey("customers.customerCannotMerged");
        }
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation("reason: say why the two customers are the same.").withKey("customer.mergeReason");
        }
        requireUsable();
        survivor.requireUsable();
        survivor.visitCount += visitCount;
        survivor.recurrent = survivor.visitCount >= RECURRENT_AFTER_VISITS;
        if (survivor.email == null) {
            survivor.email = email;
        }
        if (survivor.phone == null) {
            survivor.phone = phone;
        }
        if (survivor.address == null) {
            survivor.address = address;
            survivor.district = district;
            survivor.city = city;
            survivor.region = region;
        }
        mergedInto = survivor;
        mergeReason = reason.strip();
        mergedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        active = false;
    }

    /** Refuses new business with a customer that was deleted or merged. */
    public void requireUsable() {
        if (mergedInto != null) {
            throw new Conflict("Customer " + getId() + " was merged into customer " + mergedInto.getId()
                    + ": use that one.").withKey("customers.customerMergedInto", getId(), mergedInto.getId());
        }
        if (deletedAt != null) {
            throw new Conflict("Customer " + getId() + " was deleted.").withKey("customers.customerDeleted", getId());
        }
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    public boolean isMerged() {
        return mergedInto != null;
    }

    /** The name an invoice or a greeting uses. */
    public String displayName() {
        if (businessName != null && (documentType == DocumentType.RUC || firstName == null)) {
            return businessName;
        }
        return lastName == null ? firstName : firstName + " " + lastName;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public DocumentType getDocumentType() {
        return documentType;
    }

    public String getDocumentNumber() {
        return documentNumber;
    }

    public String getFirstName() {
        return firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public String getBusinessName() {
        return businessName;
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

    public String getDistrict() {
        return district;
    }

    public String getCity() {
        return city;
    }

    public String getRegion() {
        return region;
    }

    public String getCountry() {
        return country;
    }

    public String getPreferredLanguage() {
        return preferredLanguage;
    }

    public ContactChannel getPreferredChannel() {
        return preferredChannel;
    }

    public boolean isContactOptOut() {
        return contactOptOut;
    }

    public String getNotes() {
        return notes;
    }

    public boolean isActive() {
        return active;
    }

    public Instant getDeletedAt() {
        return deletedAt;
    }

    public int getVisitCount() {
        return visitCount;
    }

    public boolean isRecurrent() {
        return recurrent;
    }

    public Customer getMergedInto() {
        return mergedInto;
    }

    public String getMergeReason() {
        return mergeReason;
    }

    public Instant getMergedAt() {
        return mergedAt;
    }
}
