package io.cuadra.web.customers;

import io.cuadra.customers.application.DocumentTypes;
import io.cuadra.shared.identitydocuments.DocumentCheck;
import io.cuadra.shared.identitydocuments.DocumentType;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/** Checks an identity document as the user types; the rule itself lives in {@link DocumentType}. */
@Named
@ViewScoped
public class DocumentCheckBacking implements Serializable {

    @EJB
    DocumentTypes documentTypes;

    private static final long serialVersionUID = 1L;

    private DocumentType type = DocumentType.DNI;
    private String number;
    private DocumentCheck result;

    public List<DocumentType> getTypes() {
        return documentTypes.offered();
    }

    public void check() {
        result = number == null || number.isBlank() ? null : type.check(number);
    }

    public void submit() {
        check();
        if (result != null && !result.valid()) {
            FacesContext.getCurrentInstance().addMessage("check:number",
                    new FacesMessage(FacesMessage.SEVERITY_ERROR,
                            io.cuadra.web.l10n.BusinessMessages.text(result), null));
        }
    }

    /** Why the number is wrong, in the user's words. */
    public String getProblem() {
        return result == null ? null : io.cuadra.web.l10n.BusinessMessages.text(result);
    }

    public DocumentType getType() {
        return type;
    }

    public void setType(DocumentType type) {
        this.type = type;
    }

    public String getNumber() {
        return number;
    }

    public void setNumber(String number) {
        this.number = number;
    }

    public DocumentCheck getResult() {
        return result;
    }
}
