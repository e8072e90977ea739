package io.cuadra.imports.job;

import io.cuadra.customers.application.CustomerService;
import io.cuadra.customers.domain.Customer;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;

import java.util.List;

/** Stores a chunk of checked customers (see {@link RowWriter}). */
@Named
@Dependent
public class CustomerRowWriter extends RowWriter {

    @EJB
    CustomerService customers;

    @Override
    protected void store(List<Object> items) {
        customers.createAll(items.stream().map(Customer.class::cast).toList());
    }
}
