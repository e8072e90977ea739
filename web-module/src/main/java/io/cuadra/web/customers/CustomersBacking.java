package io.cuadra.web.customers;

import io.cuadra.customers.application.CustomerDraft;
import io.cuadra.customers.application.CustomerMerger;
import io.cuadra.customers.application.CustomerSearch;
import io.cuadra.customers.application.CustomerService;
import io.cuadra.customers.application.DocumentTypes;
import io.cuadra.customers.application.NewCustomer;
import io.cuadra.customers.domain.ContactChannel;
import io.cuadra.customers.domain.Customer;
import io.cuadra.shared.identitydocuments.DocumentCheck;
import io.cuadra.shared.identitydocuments.DocumentType;
import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Module;
import io.cuadra.web.shell.FacesActions;
import io.cuadra.web.shell.Texts;
import io.cuadra.web.shell.PagedModel;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.primefaces.model.LazyDataModel;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/** Customers page: search with lazy paging, the editor with live document check, and the merge dialog. */
@Named
@ViewScoped
public class CustomersBacking implements Serializable {

    @EJB
    DocumentTypes documentTypes;

    private static final long serialVersionUID = 1L;

    @EJB
    CustomerSearch search;

    @EJB
    CustomerService customers;

    @EJB
    CustomerMerger merger;

    private String query;

    private Long editingId;
    private long editingVersion;
    private boolean editorOpen;
    private DocumentType documentType = DocumentType.DNI;
    private String documentNumber;
    private String documentProblem;
    private String firstName;
    private String lastName;
    private String businessName;
    private String email;
    private String phone;
    private String address;
    private String district;
    private String city;
    private String region;
    private String country = "PE";
    private String preferredLanguage = "es";
    private ContactChannel preferredChannel = ContactChannel.EMAIL;
    private boolean contactOptOut;
    private String notes;
    private LocalDate birthDate;
    private String sex;

    private Long mergeSurvivorId;
    private Long duplicateId;
    private String mergeReason;

    private final LazyDataModel<CustomerView> rows = PagedModel.of(
            (n, s) -> search.search(query, n, s).map(CustomerView::of), row -> Long.toString(row.id()));

    public void startNew() {
        editingId = null;
        editingVersion = 0;
        documentType = DocumentType.DNI;
        documentNumber = null;
        documentProblem = null;
        firstName = lastName = businessName = email = phone = address = district = city = region = notes = null;
        country = "PE";
        preferredLanguage = "es";
        preferredChannel = ContactChannel.EMAIL;
        contactOptOut = false;
        birthDate = null;
        sex = null;
        editorOpen = true;
        showEditor();
    }

    /** The editor sits under the list: bring it into view rather than open it below the screen. */
    private static void showEditor() {
        org.primefaces.PrimeFaces.current().scrollTo("customers:editor");
        org.primefaces.PrimeFaces.current().focus("customers:number");
    }

    public void edit(long id) {
        Customer c = FacesActions.attempt(() -> customers.find(id));
        if (c == null) {
            return;
        }
        editingId = c.getId();
        editingVersion = c.getVersion();
        documentType = c.getDocumentType();
        documentNumber = c.getDocumentNumber();
        documentProblem = null;
        firstName = c.getFirstName();
        lastName = c.getLastName();
        businessName = c.getBusinessName();
        email = c.getEmail();
        phone = c.getPhone();
        address = c.getAddress();
        district = c.getDistrict();
        city = c.getCity();
        region = c.getRegion();
        country = c.getCountry();
        preferredLanguage = c.getPreferredLanguage();
        preferredChannel = c.getPreferredChannel();
        contactOptOut = c.isContactOptOut();
        notes = c.getNotes();
        birthDate = c.getBirthDate();
        sex = c.getSex();
        editorOpen = true;
        showEditor();
    }

    /** Runs while the user types: the same rule the server applies on save. */
    public void checkDocument() {
        if (documentNumber == null || documentNumber.isBlank()) {
            documentProblem = null;
            return;
        }
        DocumentCheck check = documentType.check(documentNumber);
        documentProblem = io.cuadra.web.l10n.BusinessMessages.text(check);
    }

    @Permitted(module = Module.CUSTOMERS, action = Action.EDIT)
    public void save() {
        NewCustomer form = new NewCustomer(documentType, documentNumber, firstName, lastName, businessName, email, phone,
                new NewCustomer.Details(address, district, city, region, country, preferredLanguage, preferredChannel,
                        contactOptOut, notes, true, new CustomerDraft.Person(birthDate, sex)));
        Customer saved = FacesActions.attempt(() -> editingId == null ? customers.create(form)
                : customers.update(editingId, editingVersion, form.draft()));
        if (saved != null) {
            editorOpen = false;
            FacesActions.info(Texts.get("customers.saved", saved.displayName()));
        }
    }

    public void cancel() {
        editorOpen = false;
    }

    public void startMerge(long survivorId) {
        mergeSurvivorId = survivorId;
        duplicateId = null;
        mergeReason = null;
    }

    @Permitted(module = Module.CUSTOMERS, action = Action.EDIT)
    public void merge() {
        if (FacesActions.succeeded(() -> merger.merge(mergeSurvivorId, duplicateId, mergeReason))) {
            FacesActions.info(Texts.get("customers.merged", duplicateId, mergeSurvivorId));
            mergeSurvivorId = null;
        }
    }

    @Permitted(module = Module.CUSTOMERS, action = Action.DELETE)
    public void delete(long id) {
        if (FacesActions.succeeded(() -> customers.delete(id))) {
            FacesActions.info(Texts.get("customers.deleted"));
        }
    }

    public List<DocumentType> getDocumentTypes() {
        return documentTypes.offered();
    }

    public List<ContactChannel> getChannels() {
        return List.of(ContactChannel.values());
    }

    public LazyDataModel<CustomerView> getRows() {
        return rows;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public boolean isEditorOpen() {
        return editorOpen;
    }

    public Long getEditingId() {
        return editingId;
    }

    public DocumentType getDocumentType() {
        return documentType;
    }

    public void setDocumentType(DocumentType documentType) {
        this.documentType = documentType;
    }

    public String getDocumentNumber() {
        return documentNumber;
    }

    public void setDocumentNumber(String documentNumber) {
        this.documentNumber = documentNumber;
    }

    public String getDocumentProblem() {
        return documentProblem;
    }

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName;
    }

    public String getBusinessName() {
        return businessName;
    }

    public void setBusinessName(String businessName) {
        this.businessName = businessName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getDistrict() {
        return district;
    }

    public void setDistrict(String district) {
        this.district = district;
    }

    public String getCity() {
        return city;
    }

    public void setCity(String city) {
        this.city = city;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
    }

    public String getPreferredLanguage() {
        return preferredLanguage;
    }

    public void setPreferredLanguage(String preferredLanguage) {
        this.preferredLanguage = preferredLanguage;
    }

    public ContactChannel getPreferredChannel() {
        return preferredChannel;
    }

    public void setPreferredChannel(ContactChannel preferredChannel) {
        this.preferredChannel = preferredChannel;
    }

    public boolean isContactOptOut() {
        return contactOptOut;
    }

    public void setContactOptOut(boolean contactOptOut) {
        this.contactOptOut = contactOptOut;
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }

    public void setBirthDate(LocalDate birthDate) {
        this.birthDate = birthDate;
    }

    public String getSex() {
        return sex;
    }

    public void setSex(String sex) {
        this.sex = sex == null || sex.isBlank() ? null : sex;
    }

    /** Birth dates go back further than the pickers' usual range. */
    public String getBirthYearRange() {
        return "1900:" + java.time.Year.now().getValue();
    }

    /** HL7 table 0001 codes offered in the form (labelled from the bundle). */
    public java.util.List<String> getSexes() {
        return java.util.List.of("F", "M", "O", "U");
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }

    public Long getMergeSurvivorId() {
        return mergeSurvivorId;
    }

    public Long getDuplicateId() {
        return duplicateId;
    }

    public void setDuplicateId(Long duplicateId) {
        this.duplicateId = duplicateId;
    }

    public String getMergeReason() {
        return mergeReason;
    }

    public void setMergeReason(String mergeReason) {
        this.mergeReason = mergeReason;
    }
}
