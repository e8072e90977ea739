package io.cuadra.sunat.simulator;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Reading the ZIP a taxpayer sends, and writing the R-*.zip that carries a CDR back. */
final class ZipArchive {

    /** A guard against ZIP bombs: SUNAT's own limit on a sendBill file is far below this. */
    private static final int MAX_ENTRY_BYTES = 10 * 1024 * 1024;

    record Entry(String name, byte[] content) {
    }

    private ZipArchive() {
    }

    /** The file entries (folders skipped); throws IOException when the bytes are not a readable ZIP. */
    static List<Entry> read(byte[] zip) throws IOException {
        List<Entry> entries = new ArrayList<>();
        boolean sawAnyEntry = false;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                sawAnyEntry = true;
                if (e.isDirectory()) {
                    continue;
                }
                entries.add(new Entry(e.getName(), readLimited(in, e.getName())));
            }
        }
        if (!sawAnyEntry && !looksLikeEmptyZip(zip)) {
            throw new IOException("Not a ZIP archive");
        }
        return entries;
    }

    /** SUNAT's CDR archives carry an empty "dummy/" folder next to the XML; clients must cope, so we send it too. */
    static byte[] write(String entryName, byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.putNextEntry(new ZipEntry("dummy/"));
            out.closeEntry();
            out.putNextEntry(new ZipEntry(entryName));
            out.write(content);
            out.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException("Writing to memory failed", e);
        }
        return bytes.toByteArray();
    }

    private static byte[] readLimited(ZipInputStream in, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int total = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            total += n;
            if (total > MAX_ENTRY_BYTES) {
                throw new IOException("ZIP entry " + name + " is larger than " + MAX_ENTRY_BYTES + " bytes");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** An archive with no entries is just the end-of-central-directory record: PK\5\6. */
    private static boolean looksLikeEmptyZip(byte[] zip) {
        return zip.length >= 22 && zip[0] == 'P' && zip[1] == 'K' && zip[2] == 5 && zip[3] == 6;
    }
}
