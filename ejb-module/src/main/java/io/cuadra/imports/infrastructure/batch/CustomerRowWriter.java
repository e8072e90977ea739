package io.cuadra.imports.infrastructure.batch;

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

    /** Rows this execution stored, and after how many the table's statistics are refreshed next (doubling). */
    private long stored;
    private long refreshAt = 1_000;

    @Override
    protected void store(List<Object> items) {
        customers.createAll(items.stream().map(Customer.class::cast).toList());
        stored += items.size();
        if (stored >= refreshAt) {
            // A few times per import (1,000, 2,000, 4,000... rows): the block lookups stay index lookups.
            customers.refreshStatistics();
            refreshAt *= 2;
        }
    }
}
