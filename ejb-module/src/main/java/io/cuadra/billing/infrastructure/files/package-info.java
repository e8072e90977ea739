/**
 * SUNAT's file packaging: the signed XML zipped under its RUC-TYPE-SERIES-NUMBER name.
 */
package io.cuadra.billing.infrastructure.files;
