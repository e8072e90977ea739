/**
 * The laboratory system's rules and values: what an order message to the LIS carries (patient, tests, NW or CA),
 * how an answer is read (accepted, refused, LIS away), when results are taken and complete an order, and the
 * states of a sync log row.
 */
package io.cuadra.lab.domain;
