/**
 * Imports' boundary: upload, follow and restart an import; download its rejected rows.
 */
package io.cuadra.web.imports;
