package io.cuadra.billing.infrastructure.ubl;

import io.cuadra.billing.domain.Customer;
import io.cuadra.billing.domain.FiscalAddress;
import io.cuadra.billing.domain.Issuer;
import io.cuadra.shared.identitydocuments.DocumentType;
import org.w3c.dom.Element;

/** cac:Signature, cac:AccountingSupplierParty and cac:AccountingCustomerParty. */
final class UblParties {

    private UblParties() {
    }

    /** The UBL block announcing who signs; the XMLDSig itself goes into ext:ExtensionContent. */
    static void signature(UblTree t, Element root, Issuer issuer) {
        Element signature = t.cac(root, "Signature");
        t.cbc(signature, "ID", issuer.ruc());
        Element signatory = t.cac(signature, "SignatoryParty");
        t.cbc(t.cac(signatory, "PartyIdentification"), "ID", issuer.ruc());
        t.cbc(t.cac(signatory, "PartyName"), "Name", issuer.legalName());
        Element reference = t.cac(t.cac(signature, "DigitalSignatureAttachment"), "ExternalReference");
        t.cbc(reference, "URI", "#" + UblNames.SIGNATURE_ID);
    }

    static void supplier(UblTree t, Element root, Issuer issuer) {
        Element party = t.cac(t.cac(root, "AccountingSupplierParty"), "Party");
        identification(t, party, DocumentType.RUC.sunatCode(), issuer.ruc());
        if (issuer.tradeName() != null) {
            t.cbc(t.cac(party, "PartyName"), "Name", issuer.tradeName());
        }
        Element legal = t.cac(party, "PartyLegalEntity");
        t.cbc(legal, "RegistrationName", issuer.legalName());
        fiscalAddress(t, legal, issuer.address(), issuer.establishmentCode());
    }

    static void customer(UblTree t, Element root, Customer customer) {
        Element party = t.cac(t.cac(root, "AccountingCustomerParty"), "Party");
        identification(t, party, customer.documentTypeCode(), customer.documentNumber());
        Element legal = t.cac(party, "PartyLegalEntity");
        t.cbc(legal, "RegistrationName", customer.name());
        if (customer.address() != null) {
            Element address = t.cac(legal, "RegistrationAddress");
            t.cbc(t.cac(address, "AddressLine"), "Line", customer.address());
        }
    }

    private static void identification(UblTree t, Element party, String typeCode, String number) {
        t.cbc(t.cac(party, "PartyIdentification"), "ID", number,
                "schemeID", typeCode,
                "schemeName", "Documento de Identidad",
                "schemeAgencyName", UblNames.SUNAT,
                "schemeURI", UblNames.catalog("06"));
    }

    private static void fiscalAddress(UblTree t, Element legal, FiscalAddress a, String establishmentCode) {
        Element address = t.cac(legal, "RegistrationAddress");
        t.cbc(address, "ID", a.ubigeo(), "schemeName", "Ubigeos", "schemeAgencyName", "PE:INEI");
        t.cbc(address, "AddressTypeCode", establishmentCode,
                "listAgencyName", UblNames.SUNAT, "listName", "Establecimientos anexos");
        if (a.urbanization() != null) {
            t.cbc(address, "CitySubdivisionName", a.urbanization());
        }
        t.cbc(address, "CityName", a.province());
        t.cbc(address, "CountrySubentity", a.department());
        t.cbc(address, "District", a.district());
        t.cbc(t.cac(address, "AddressLine"), "Line", a.addressLine());
        t.cbc(t.cac(address, "Country"), "IdentificationCode", a.countryCode(),
                "listID", "ISO 3166-1", "listAgencyName", UblNames.UNECE, "listName", "Country");
    }
}
