package org.statdesk.store.internal.backup;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads a backup and refuses anything that is not exactly what {@link BackupWriter} wrote: a file that is no zip or
 * a truncated one, an entry the manifest does not declare (a script, say) or a declared one missing, an entry longer
 * than declared (read no further than that), a changed SHA-256, a row count that differs, a value not of its column's
 * type. Nothing in the file is ever executed: rows are values, handed to the caller one by one.
 */
public final class BackupReader implements AutoCloseable {
    /** The manifest and the trust entry are small documents; anything larger is not what the writer made. */
    private static final long SMALL = 8L << 20;

    /** Receives one checked row: its values in the manifest's column order, typed as {@link ColumnType#read}. */
    @FunctionalInterface
    public interface Rows {
        void row(Object[] values) throws Exception;
    }

    private final ZipFile zip;
    private final Manifest manifest;
    private final String file;

    private BackupReader(ZipFile zip, Manifest manifest, String file) {
        this.zip = zip;
        this.manifest = manifest;
        this.file = file;
    }

    /** Opens {@code file} and checks its list of entries against its manifest. */
    public static BackupReader open(Path file) throws BackupException {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new BackupException("not a StatDesk backup: " + file.getFileName() + " is not a complete zip file ("
                    + e.getMessage() + ")");
        } catch (IOException e) {
            throw new BackupException("cannot read the backup " + file + ": " + e.getMessage());
        }
        try {
            Set<String> names = new HashSet<>();
            for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
                String n = en.nextElement().getName();
                if (!names.add(n)) {
                    throw new BackupException("the backup holds entry " + Manifest.shorten(n) + " twice");
                }
            }
            ZipEntry me = zip.getEntry(Manifest.ENTRY);
            if (me == null || !names.contains(Manifest.ENTRY)) {
                throw new BackupException("not a StatDesk backup: it has no " + Manifest.ENTRY + (names.isEmpty()
                        ? "" : " (its entries: " + Manifest.shorten(String.join(", ", names)) + ")"));
            }
            Manifest m;
            try (InputStream in = new Limited(zip.getInputStream(me), SMALL, Manifest.ENTRY)) {
                m = Manifest.parse(in.readAllBytes());
            }
            Set<String> expected = new HashSet<>();
            expected.add(Manifest.ENTRY);
            if (m.trust() != null) {
                expected.add(Manifest.TRUST_ENTRY);
            }
            for (Manifest.Table t : m.tables()) {
                expected.add(t.entryName());
            }
            for (String n : names) {
                if (!expected.contains(n)) {
                    throw new BackupException("the backup holds an entry its manifest does not declare: "
                            + Manifest.shorten(n));
                }
            }
            for (String n : expected) {
                if (!names.contains(n)) {
                    throw new BackupException("the backup lacks its entry " + n);
                }
            }
            if (m.tables().stream().noneMatch(t -> t.name().equals(Schema.HISTORY))) {
                throw new BackupException("the backup has no " + Schema.HISTORY + " table");
            }
            return new BackupReader(zip, m, file.getFileName().toString());
        } catch (BackupException e) {
            closeQuietly(zip);
            throw e;
        } catch (IOException | RuntimeException e) {
            closeQuietly(zip);
            throw new BackupException("the backup " + file.getFileName() + " cannot be read: " + e.getMessage());
        }
    }

    public Manifest manifest() {
        return manifest;
    }

    /** Reads every entry through and checks it; returns the number of rows. */
    public long validate() throws BackupException {
        long rows = 0;
        for (Manifest.Table t : manifest.tables()) {
            rows += rows(t, v -> { });
        }
        trust();
        return rows;
    }

    /** The trust entry's text as the audit bundle wrote it, checked; null when the backup carries none. */
    public String trust() throws BackupException {
        if (manifest.trust() == null) {
            return null;
        }
        byte[] b;
        try (InputStream in = entry(Manifest.TRUST_ENTRY, manifest.trust())) {
            b = in.readAllBytes();
        } catch (BackupException e) {
            throw e;
        } catch (IOException e) {
            throw new BackupException(Manifest.TRUST_ENTRY + " cannot be read: " + e.getMessage());
        }
        String text = new String(b, java.nio.charset.StandardCharsets.UTF_8);
        try {
            if (!Manifest.JSON.readTree(text).isObject()) {
                throw new BackupException(Manifest.TRUST_ENTRY + " is not a JSON object");
            }
        } catch (IOException e) {
            throw new BackupException(Manifest.TRUST_ENTRY + " is not valid JSON");
        }
        return text;
    }

    /** Reads the rows of {@code t}, checking each, into {@code sink}; returns how many. */
    public long rows(Manifest.Table t, Rows sink) throws BackupException {
        List<Manifest.Column> cols = t.columns();
        long n = 0;
        boolean inRow = false;
        String at = t.entryName();
        try (InputStream in = entry(at, t.data()); JsonParser p = Manifest.JSON.getFactory().createParser(in)) {
            JsonToken tok;
            while ((tok = p.nextToken()) != null) {
                n++;
                inRow = true;
                if (tok != JsonToken.START_ARRAY) {
                    throw new BackupException(at + " row " + n + ": not a row (a JSON array of values)");
                }
                Object[] values = new Object[cols.size()];
                for (int i = 0; i < cols.size(); i++) {
                    tok = p.nextToken();
                    if (tok == JsonToken.END_ARRAY || tok == null) {
                        throw new BackupException(at + " row " + n + ": " + i + " values, the table has "
                                + cols.size() + " columns");
                    }
                    Manifest.Column c = cols.get(i);
                    try {
                        values[i] = c.type().read(p, c.nullable());
                    } catch (BackupException e) {
                        throw new BackupException(at + " row " + n + " column " + c.name() + ": " + e.getMessage());
                    }
                }
                if (p.nextToken() != JsonToken.END_ARRAY) {
                    throw new BackupException(at + " row " + n + ": more values than the table's " + cols.size()
                            + " columns");
                }
                if (n > t.rows()) {
                    throw new BackupException(at + ": more rows than the " + t.rows() + " its manifest declares");
                }
                inRow = false;
                sink.row(values);
            }
        } catch (BackupException e) {
            throw e;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BackupException(at + " row " + (inRow ? n : n + 1) + ": not valid JSON ("
                    + Manifest.shorten(e.getOriginalMessage()) + ")");
        } catch (Exception e) {
            if (e.getCause() instanceof BackupException b) {
                throw b;
            }
            throw new BackupException(at + " cannot be read: " + e);
        }
        if (n != t.rows()) {
            throw new BackupException(at + ": " + n + " rows, its manifest declares " + t.rows());
        }
        return n;
    }

    /**
     * An entry's bytes, read no further than its declared size (a zip bomb stops there), with its SHA-256 and
     * length checked when it has been read to the end.
     */
    private InputStream entry(String name, Manifest.Entry declared) throws BackupException {
        try {
            return new Checked(zip.getInputStream(zip.getEntry(name)), declared, name);
        } catch (IOException e) {
            throw new BackupException(name + " cannot be read: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        closeQuietly(zip);
    }

    public String fileName() {
        return file;
    }

    private static void closeQuietly(ZipFile z) {
        try {
            z.close();
        } catch (IOException ignored) {
            // only read from
        }
    }

    /** Fails once more than {@code max} bytes come out. */
    private static class Limited extends FilterInputStream {
        final long max;
        final String name;
        long count;

        Limited(InputStream in, long max, String name) {
            super(in);
            this.max = max;
            this.name = name;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            } else {
                atEnd();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int r = super.read(b, off, (int) Math.min(len, Math.max(1, max - count + 1)));
            if (r > 0) {
                counted(r);
                digest(b, off, r);
            } else if (r < 0) {
                atEnd();
            }
            return r;
        }

        void counted(int r) throws BackupException {
            count += r;
            if (count > max) {
                throw new BackupException(name + " is longer than the " + max + " bytes declared for it");
            }
        }

        void digest(byte[] b, int off, int len) {
        }

        void atEnd() throws IOException {
        }

        @Override
        public long skip(long n) throws IOException {
            throw new IOException("not skipped: every byte is checked");
        }
    }

    private static final class Checked extends Limited {
        private final MessageDigest sha = BackupWriter.sha256();
        private final Manifest.Entry declared;
        private boolean ended;

        Checked(InputStream in, Manifest.Entry declared, String name) {
            super(in, declared.bytes(), name);
            this.declared = declared;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int r = read(one, 0, 1);
            return r < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        void digest(byte[] b, int off, int len) {
            sha.update(b, off, len);
        }

        @Override
        void atEnd() throws IOException {
            if (ended) {
                return;
            }
            ended = true;
            if (count != declared.bytes()) {
                throw new BackupException(name + " has " + count + " bytes, its manifest declares "
                        + declared.bytes());
            }
            if (!HexFormat.of().formatHex(sha.digest()).equals(declared.sha256())) {
                throw new BackupException(name + " does not match its SHA-256 in the manifest: it was changed");
            }
        }
    }
}
