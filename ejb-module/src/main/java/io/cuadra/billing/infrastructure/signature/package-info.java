/**
 * XML digital signature (JDK XMLDSig) of UBL documents: credentials loaded from a PKCS#12 key store and
 * cached, signing, and verifying.
 */
package io.cuadra.billing.infrastructure.signature;
