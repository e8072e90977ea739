package io.cuadra.shopify.simulator;

import java.time.Instant;

/** A customer of the simulated shop, as it stands after its last change. */
public record SimCustomer(long id, String email, String phone, String firstName, String lastName, Instant updatedAt) {
}
