package io.cuadra.shopify.simulator;

/** A customer of the simulated shop. */
public record SimCustomer(long id, String email, String phone, String firstName, String lastName) {
}
