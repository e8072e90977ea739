package io.cuadra.customers.application;

import io.cuadra.shared.identitydocuments.DocumentType;
import io.cuadra.identity.application.CompanyService;
import io.cuadra.shared.country.CountryPack;
import io.cuadra.shared.country.CountryPacks;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The identity documents the tenant's customers present: those of its company's country pack. */
@Stateless
public class DocumentTypes {

    @EJB
    CompanyService company;

    public List<DocumentType> offered() {
        Set<String> names = CountryPacks.find(company.current().getCountry())
                .map(CountryPack::documentTypes).map(Set::copyOf)
                .orElseGet(() -> Arrays.stream(DocumentType.values()).map(Enum::name).collect(Collectors.toSet()));
        return Arrays.stream(DocumentType.values()).filter(t -> names.contains(t.name())).toList();
    }
}
