/**
 * The laboratory system's boundaries: the REST API of the sync log and LIS setup ({@code /api/lab}) and the sync
 * log page.
 */
package io.cuadra.web.lab;
