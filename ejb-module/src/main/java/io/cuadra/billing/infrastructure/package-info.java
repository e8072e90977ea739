/**
 * Turning a {@link io.cuadra.billing.domain.ElectronicDocument} into what SUNAT receives and the customer
 * gets, all in memory and without a server:
 *
 * <pre>{@code
 * ElectronicDocument doc = ElectronicDocument.builder()...build();          // refuses inconsistencies
 * Document ubl = new SunatUblWriter().write(doc);                           // ubl: UBL 2.1 DOM
 * SigningCredentials keys = cache.get(p12Path, password, alias);            // signature: parsed once
 * SignedDocument signed = new XmlDocumentSigner(keys).sign(ubl);            // XMLDSig + hash
 * byte[] zip = SunatZip.pack(SunatFileName.of(doc), signed.xml());          // files: RUC-TT-SERIE-NUM.zip
 * String qr = SunatQrText.of(doc, signed.hash());                           // domain: QR text
 * byte[] png = QrCodeImage.png(qr, 4);                                      // qr: printable QR
 * boolean intact = new XmlSignatureVerifier().verify(signed.xml());
 * }</pre>
 */
package io.cuadra.billing.infrastructure;
