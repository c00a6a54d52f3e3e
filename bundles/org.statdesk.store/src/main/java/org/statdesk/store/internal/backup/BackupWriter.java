package org.statdesk.store.internal.backup;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a backup: one zip entry of JSON lines per table (each row an array of its values in the manifest's column
 * order), the journal's trust entry, then the manifest with every entry's size and SHA-256. Everything is read in one
 * snapshot, so writers may go on meanwhile and the copy is still consistent (journal head, journal and rows).
 */
public final class BackupWriter {
    /** The trust entry's text ({@code TrustAnchors.forBackup} on the snapshot's connection), or null for none. */
    @FunctionalInterface
    public interface Trust {
        String forBackup(Connection c) throws SQLException;
    }

    public record Written(int tables, long rows) {
    }

    private final Dialect dialect;
    private final String database;

    public BackupWriter(Dialect dialect, String database) {
        this.dialect = dialect;
        this.database = database;
    }

    public Written write(Connection c, Trust trust, OutputStream out) throws SQLException, IOException {
        boolean auto = c.getAutoCommit();
        dialect.beginSnapshot(c);
        try {
            Written w = writeSnapshot(c, trust, out);
            c.commit();
            return w;
        } finally {
            try {
                c.rollback();
            } finally {
                c.setAutoCommit(auto);
            }
        }
    }

    private Written writeSnapshot(Connection c, Trust trust, OutputStream out) throws SQLException, IOException {
        Map<String, Integer> versions = Schema.versions(c);
        Map<String, List<Manifest.Column>> schema = Schema.tables(c);
        String trustText = trust == null ? null : trust.forBackup(c);
        List<Manifest.Table> tables = new ArrayList<>();
        long rows = 0;
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        dialect.streamResults(c, true);
        try {
            for (Map.Entry<String, List<Manifest.Column>> t : schema.entrySet()) {
                if (!Manifest.SQL_NAME.matcher(t.getKey()).matches()) {
                    throw new SQLException("table " + t.getKey() + " has a name a backup cannot carry");
                }
                Dialect.Identity id = dialect.identity(c, t.getKey());
                zip.putNextEntry(new ZipEntry("tables/" + t.getKey() + ".jsonl"));
                Counted data = new Counted(zip);
                long n = rows(c, t.getKey(), t.getValue(), data);
                zip.closeEntry();
                tables.add(new Manifest.Table(t.getKey(), t.getValue(), n, data.entry(), id == null ? null
                        : id.column(), id == null ? 0 : id.next()));
                rows += n;
            }
        } finally {
            dialect.streamResults(c, false);
        }
        Manifest.Entry trustEntry = null;
        if (trustText != null) {
            zip.putNextEntry(new ZipEntry(Manifest.TRUST_ENTRY));
            Counted t = new Counted(zip);
            t.write(trustText.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            trustEntry = t.entry();
        }
        Manifest m = new Manifest(Instant.now().toString(), database, versions, tables, dialect.sequences(c),
                trustEntry);
        zip.putNextEntry(new ZipEntry(Manifest.ENTRY));
        zip.write(m.toJson());
        zip.closeEntry();
        zip.finish();
        return new Written(tables.size(), rows);
    }

    /** PostgreSQL's driver streams a result in a transaction only with a fetch size; H2 ignores it here. */
    private static Statement fetching(Statement st) throws SQLException {
        st.setFetchSize(10_000);
        return st;
    }

    private static long rows(Connection c, String table, List<Manifest.Column> columns, OutputStream out)
            throws SQLException, IOException {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(columns.get(i).name());
        }
        sql.append(" FROM ").append(table);
        long n = 0;
        try (JsonGenerator g = Manifest.JSON.getFactory().createGenerator(out)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .setRootValueSeparator(new SerializedString("\n"));
                Statement st = fetching(c.createStatement()); ResultSet rs = st.executeQuery(sql.toString())) {
            g.setPrettyPrinter(null);
            while (rs.next()) {
                g.writeStartArray();
                for (int i = 0; i < columns.size(); i++) {
                    columns.get(i).type().write(rs, i + 1, g);
                }
                g.writeEndArray();
                n++;
            }
            if (n > 0) {
                g.writeRaw('\n');
            }
        }
        return n;
    }

    /** Counts and digests what goes into one entry, without closing the zip under it. */
    private static final class Counted extends FilterOutputStream {
        private final MessageDigest sha;
        private long bytes;

        Counted(OutputStream zip) {
            super(null);
            this.sha = sha256();
            this.out = new DigestOutputStream(zip, sha);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            bytes += len;
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }

        Manifest.Entry entry() {
            return new Manifest.Entry(bytes, HexFormat.of().formatHex(sha.digest()));
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
