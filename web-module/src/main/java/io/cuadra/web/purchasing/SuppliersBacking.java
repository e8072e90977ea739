package io.cuadra.web.purchasing;

import io.cuadra.purchasing.application.SupplierView;
import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Module;
import io.cuadra.purchasing.application.SupplierService;
import io.cuadra.purchasing.domain.Supplier;
import io.cuadra.web.shell.FacesActions;
import io.cuadra.web.shell.Texts;
import io.cuadra.web.shell.PagedModel;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.primefaces.model.LazyDataModel;

import java.io.Serializable;

/** Suppliers page: search, and the editor (RUC checked as typed, with the customers' rule). */
@Named
@ViewScoped
public class SuppliersBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    SupplierService suppliers;

    private String query;
    private boolean editorOpen;
    private Long editingId;
    private long editingVersion;
    private String name;
    private String country = "PE";
    private String taxId;
    private String taxIdProblem;
    private String contactName;
    private String email;
    private String phone;
    private String address;
    private String notes;
    private boolean active = true;

    private final LazyDataModel<SupplierView> rows = PagedModel.of(
            (n, s) -> suppliers.views(query, null, n, s), row -> Long.toString(row.id()));

    public void startNew() {
        editingId = null;
        editingVersion = 0;
        name = taxId = taxIdProblem = contactName = email = phone = address = notes = null;
        country = "PE";
        active = true;
        editorOpen = true;
    }

    public void edit(long id) {
        Supplier s = FacesActions.attempt(() -> suppliers.find(id));
        if (s == null) {
            return;
        }
        editingId = s.getId();
        editingVersion = s.getVersion();
        name = s.getName();
        country = s.getCountry();
        taxId = s.getTaxId();
        taxIdProblem = null;
        contactName = s.getContactName();
        email = s.getEmail();
        phone = s.getPhone();
        address = s.getAddress();
        notes = s.getNotes();
        active = s.isActive();
        editorOpen = true;
    }

    /** Runs while the user types: the rule the server applies on save. */
    public void checkTaxId() {
        taxIdProblem = null;
        if (taxId != null && !taxId.isBlank()) {
            try {
                Supplier.checkedTaxId(country, taxId);
            } catch (RuntimeException e) {
                taxIdProblem = e.getMessage();
            }
        }
    }

    @Permitted(module = Module.PURCHASING, action = Action.EDIT)
    public void save() {
        SupplierService.SupplierDraft draft = new SupplierService.SupplierDraft(name, country, taxId, contactName,
                email, phone, address, notes, active);
        Supplier saved = FacesActions.attempt(() -> editingId == null ? suppliers.create(draft)
                : suppliers.update(editingId, editingVersion, draft));
        if (saved != null) {
            editorOpen = false;
            FacesActions.info(Texts.get("suppliers.saved", saved.getName()));
        }
    }

    public void cancel() {
        editorOpen = false;
    }

    public LazyDataModel<SupplierView> getRows() {
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

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
    }

    public String getTaxId() {
        return taxId;
    }

    public void setTaxId(String taxId) {
        this.taxId = taxId;
    }

    public String getTaxIdProblem() {
        return taxIdProblem;
    }

    public String getContactName() {
        return contactName;
    }

    public void setContactName(String contactName) {
        this.contactName = contactName;
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

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }
}
