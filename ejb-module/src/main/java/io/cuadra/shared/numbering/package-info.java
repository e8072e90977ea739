/**
 * Gap-free document numbers: one counter table and one statement for every component that numbers
 * what it issues (orders per location and year, fiscal series, purchase orders and goods receipts).
 */
package io.cuadra.shared.numbering;
