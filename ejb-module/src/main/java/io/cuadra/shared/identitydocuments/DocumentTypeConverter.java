package io.cuadra.shared.identitydocuments;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a document type as its SUNAT catalog 06 code, the value the electronic invoices carry. */
@Converter
public class DocumentTypeConverter implements AttributeConverter<DocumentType, String> {

    @Override
    public String convertToDatabaseColumn(DocumentType type) {
        return type == null ? null : type.sunatCode();
    }

    @Override
    public DocumentType convertToEntityAttribute(String code) {
        return code == null ? null : DocumentType.bySunatCode(code)
                .orElseThrow(() -> new IllegalStateException("Unknown SUNAT document type " + code));
    }
}
