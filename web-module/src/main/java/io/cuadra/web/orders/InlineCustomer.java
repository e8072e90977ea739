package io.cuadra.web.orders;

import io.cuadra.customers.application.NewCustomer;
import io.cuadra.shared.identitydocuments.DocumentType;

import java.io.Serializable;
import java.util.List;

/**
 * A customer created at the counter: the document (checked by the customers component on create),
 * names, and a phone or an e-mail to reach them with the receipt; nothing else is asked at the till.
 */
public final class InlineCustomer implements Serializable {

    private static final long serialVersionUID = 1L;
    static final List<DocumentType> DOCUMENT_TYPES = List.of(DocumentType.DNI, DocumentType.RUC,
            DocumentType.FOREIGNER_CARD, DocumentType.PASSPORT);

    private DocumentType documentType = DocumentType.DNI;
    private String documentNumber;
    private String firstName;
    private String lastName;
    private String businessName;
    private String phone;
    private String email;

    /** What a number typed in the customer box is: 8 digits a DNI, 11 a RUC; anything else is not guessed. */
    static DocumentType documentTypeOf(String typed) {
        String digits = typed == null ? "" : typed.replaceAll("[\\s-]", "");
        if (digits.matches("\\d{8}")) {
            return DocumentType.DNI;
        }
        return digits.matches("\\d{11}") ? DocumentType.RUC : null;
    }

    static InlineCustomer forDocument(DocumentType type, String number) {
        InlineCustomer c = new InlineCustomer();
        c.documentType = type;
        c.documentNumber = type.normalize(number);
        return c;
    }

    /** A RUC holder is a business (razón social); anyone else a person with first and last names. */
    public boolean isBusiness() {
        return documentType == DocumentType.RUC;
    }

    /** What the form shows for this document (names, or a business name) as the customers component takes it. */
    NewCustomer request() {
        boolean business = isBusiness();
        return NewCustomer.atCounter(documentType, documentNumber, business ? null : firstName,
                business ? null : lastName, business ? businessName : null, email, phone);
    }

    public DocumentType getDocumentType() {
        return documentType;
    }

    public void setDocumentType(DocumentType documentType) {
        this.documentType = documentType == null ? DocumentType.DNI : documentType;
    }

    public String getDocumentNumber() {
        return documentNumber;
    }

    public void setDocumentNumber(String documentNumber) {
        this.documentNumber = documentNumber;
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

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }
}
