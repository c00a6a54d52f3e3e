package org.statdesk.audit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Component;
import org.statdesk.api.audit.AuditedTable;

/**
 * The store's schema history ({@code statdesk_schema_history}) guarded like a data table: a migration marked as applied
 * that never ran, or an edited checksum, changes what the database is. The store writes these rows without the
 * journal, so the journal takes in a new row itself, but only one that matches, checksum and all, a migration script
 * of the installed bundle it names; anything else stays unjournaled and verify reports it.
 */
@Component(service = AuditedTable.class)
public final class SchemaHistoryTable implements AuditedTable {
    static final String TABLE = "statdesk_schema_history";
    static final TableInfo INFO = new TableInfo(TABLE, "owner || '/' || CAST(version AS VARCHAR(12))",
            List.of("description", "checksum"), "org.statdesk.store");

    @Override
    public String table() {
        return INFO.table();
    }

    @Override
    public String keyExpression() {
        return INFO.keyExpression();
    }

    @Override
    public List<String> columns() {
        return INFO.columns();
    }

    static int count(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + TABLE);
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** Keys of schema rows that are not in the journal yet and match a migration script of an installed bundle. */
    static List<String> newMigrations(Connection c, BundleContext ctx) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + INFO.keyExpression()
                + ", owner, version, description, checksum FROM " + TABLE);
                PreparedStatement known = c.prepareStatement(
                        "SELECT 1 FROM aud_journal WHERE entity_key = ? AND entity = ? FETCH FIRST 1 ROWS ONLY");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                known.setString(1, rs.getString(1));
                known.setString(2, TABLE);
                boolean journaled;
                try (ResultSet k = known.executeQuery()) {
                    journaled = k.next();
                }
                if (!journaled && shipped(ctx, rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5))) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /** Whether bundle {@code owner} ships {@code V<version>__<description>.sql} with this checksum. */
    private static boolean shipped(BundleContext ctx, String owner, int version, String description, String sum) {
        for (Bundle b : ctx.getBundles()) {
            if (!owner.equals(b.getSymbolicName())) {
                continue;
            }
            // every variant counts (db/migration/postgresql/...): a restore may bring another database kind's history
            Enumeration<URL> e = b.findEntries("db/migration", "V" + version + "__" + description + ".sql", true);
            while (e != null && e.hasMoreElements()) {
                try (InputStream in = e.nextElement().openStream()) {
                    String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
                    byte[] digest = Digests.sha256().digest(sql.getBytes(StandardCharsets.UTF_8));
                    String mine = HexFormat.of().formatHex(digest);
                    if (mine.equals(sum)) {
                        return true;
                    }
                } catch (IOException unreadable) {
                    // an entry that cannot be read vouches for nothing
                }
            }
        }
        return false;
    }
}
