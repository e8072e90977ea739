/**
 * The printable QR code of a SUNAT document.
 */
package io.cuadra.billing.infrastructure.qr;
