package io.cuadra.imports.infrastructure.batch;

import io.cuadra.batch.tabular.RowRejected;
import io.cuadra.customers.application.CustomerDraft;
import io.cuadra.customers.application.CustomerService;
import io.cuadra.customers.domain.ContactChannel;
import io.cuadra.customers.domain.Customer;
import io.cuadra.shared.identitydocuments.DocumentType;
import io.cuadra.shared.domain.BusinessException;
import io.cuadra.shared.domain.SearchText;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks one customer row with the rules a customer created by hand meets — the entity's (document
 * check digit, names, E.164 phone...) and the service's uniqueness per tenant (looked up for the whole
 * block of rows read ahead at once) — plus uniqueness within the file. Answers the unsaved customer, or
 * rejects the row with the reason.
 */
@Named
@Dependent
public class CustomerRowProcessor implements ItemProcessor {

    @EJB
    CustomerService customers;

    /** Documents of the rows accepted so far in this execution, with their row; earlier runs are in the database. */
    private final Map<String, Integer> accepted = new HashMap<>();

    @Override
    public Object processItem(Object item) throws RowRejected {
        SheetRow row = (SheetRow) item;
        CustomerDraft draft = new CustomerDraft(documentType(row), row.required("documentNumber"),
                row.text("firstName"), row.text("lastName"), row.text("businessName"), row.text("email"),
                row.text("phone"), row.text("address"), row.text("district"), row.text("city"), row.text("region"),
                row.text("country"), row.text("preferredLanguage"),
                row.choice("preferredChannel", ContactChannel.class, null), row.flag("contactOptOut", false),
                row.text("notes"), row.flag("active", true));
        Customer customer;
        try {
            customer = draft.newCustomer();
        } catch (BusinessException e) {
            throw row.reject(e.getMessage());
        }
        if (customer.getDocumentType() == DocumentType.NONE) {
            return customer; // anonymous customers are many by design
        }
        String key = CustomerService.documentKey(customer);
        Integer earlier = accepted.get(key);
        if (earlier != null) {
            throw row.reject("documentNumber: " + customer.getDocumentType().label() + " " + customer.getDocumentNumber()
                    + " is already on row " + earlier + " of this file.");
        }
        Customer holder = row.block().memo(this::holders).get(key);
        if (holder != null) {
            throw row.reject("documentNumber: " + CustomerService.duplicateProblem(holder, customer));
        }
        accepted.put(key, row.number());
        return customer;
    }

    /** Who holds the documents of a block of rows, in one query (a row that cannot be read counts for nothing). */
    private Map<String, Customer> holders(List<SheetRow> rows) {
        Set<String> numbers = new HashSet<>();
        for (SheetRow r : rows) {
            try {
                String number = r.text("documentNumber");
                if (number != null) {
                    numbers.add(documentType(r).normalize(number));
                }
            } catch (RowRejected unreadable) {
                // the row is rejected when its turn comes
            }
        }
        return customers.holdersOf(numbers);
    }

    /** The SUNAT catalog 06 code (1, 6...), the type's name (DNI, RUC, PASSPORT...) or its label (Pasaporte). */
    static DocumentType documentType(SheetRow row) throws RowRejected {
        String value = row.required("documentType");
        Optional<DocumentType> byCode = DocumentType.bySunatCode(value);
        if (byCode.isPresent()) {
            return byCode.get();
        }
        String folded = SearchText.fold(value);
        for (DocumentType type : DocumentType.values()) {
            if (type.name().equalsIgnoreCase(folded.replace(' ', '_')) || SearchText.fold(type.label()).equals(folded)) {
                return type;
            }
        }
        throw row.reject("documentType: \"" + value + "\" is not a SUNAT catalog 06 document: use 0 (none), 1 (DNI), "
                + "4 (carnet de extranjería), 6 (RUC) or 7 (passport).");
    }
}
