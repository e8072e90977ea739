/**
 * An import: its file, kind, state and the rows it rejected with their reasons.
 */
package io.cuadra.imports.domain;
