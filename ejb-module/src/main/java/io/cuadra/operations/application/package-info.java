/**
 * The figures operators scrape ({@code OperationsFigures}, cached so that a scrape or a readiness poll costs at most
 * one set of queries per interval) and the metrics registered from them and from business events.
 */
package io.cuadra.operations.application;
