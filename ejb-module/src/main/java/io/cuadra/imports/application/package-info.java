/**
 * Importing items and customers from spreadsheets as batch jobs: starting, following and restarting an import,
 * and its rejected rows.
 */
package io.cuadra.imports.application;
