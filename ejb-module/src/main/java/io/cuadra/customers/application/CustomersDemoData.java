package io.cuadra.customers.application;

import io.cuadra.customers.domain.ContactChannel;
import io.cuadra.shared.identitydocuments.DocumentType;
import io.cuadra.shared.demo.DemoData;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;

/** Demo customers: patients with DNI, companies with RUC (check digits computed, so they are valid). */
@Dependent
public class CustomersDemoData implements DemoData {

    @EJB
    CustomerService customers;

    @Override
    public int order() {
        return 120;
    }

    @Override
    public void load(DemoTenant tenant) {
        person("45871236", "María", "González Quispe", "maria.gonzalez@example.pe", "987 111 222", "Miraflores");
        person("40213587", "José", "Ramírez Huamán", "jose.ramirez@example.pe", "987111333", "San Isidro");
        person("72548163", "Rosa", "Mamani Condori", null, "984 222 111", "Wanchaq");
        person("10293847", "Luis", "Fernández Torres", "lfernandez@example.pe", null, "Surco");
        person("47586912", "Ana María", "Peña Salazar", "ana.pena@example.pe", "(01) 440 5511", "Lince");
        company(ruc("2010007097"), "Clínica San Gabriel S.A.C.", "compras@sangabriel.example.pe", "Lima");
        company(ruc("2050003101"), "Minera Andina del Sur S.A.", "salud@andinasur.example.pe", "Arequipa");
        company(ruc("1045678912"), "Pérez Vargas Juan Carlos", "jcperez@example.pe", "Cusco");
        customers.create(new CustomerDraft(DocumentType.NONE, "-", "Cliente", "varios", null, null, null, null, null,
                null, null, "PE", "es", ContactChannel.NONE, true, "Ventas al paso sin documento", true));
    }

    /** A RUC from its first ten digits and SUNAT's check digit. */
    static String ruc(String firstTen) {
        return firstTen + DocumentType.rucCheckDigit(firstTen);
    }

    private void person(String dni, String first, String last, String email, String phone, String district) {
        customers.create(new CustomerDraft(DocumentType.DNI, dni, first, last, null, email, phone, null, district,
                "Lima", "Lima", "PE", "es", email == null ? ContactChannel.WHATSAPP : ContactChannel.EMAIL, false,
                null, true));
    }

    private void company(String ruc, String name, String email, String city) {
        customers.create(new CustomerDraft(DocumentType.RUC, ruc, null, null, name, email, null, null, null, city,
                city, "PE", "es", ContactChannel.EMAIL, false, null, true));
    }
}
