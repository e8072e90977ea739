package io.cuadra.billing.infrastructure.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;

/** Opens an in-memory PDF, lets a layout fill it, and returns its bytes. */
final class PdfFile {

    /** What a layout puts in the open document. */
    interface Content {
        void write(Document document, PdfWriter writer);
    }

    private PdfFile() {
    }

    static byte[] write(Rectangle firstPageSize, float margin, String title, String author, Content content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        Document document = new Document(firstPageSize, margin, margin, margin, margin);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        writer.setPdfVersion(PdfWriter.VERSION_1_7);
        document.addTitle(title);
        document.addAuthor(author);
        document.addCreator("Cuadra");
        document.open();
        // On failure the in-memory document is dropped unclosed: closing it would fail again ("The document
        // has no pages") and hide the real cause, and there is no file or stream to release.
        content.write(document, writer);
        // Closing flushes the last page and the cross-reference table into the buffer.
        document.close();
        return out.toByteArray();
    }
}
