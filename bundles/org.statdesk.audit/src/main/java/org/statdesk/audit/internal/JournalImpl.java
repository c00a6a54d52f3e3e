package org.statdesk.audit.internal;

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.statdesk.api.audit.AuditedTable;
import org.statdesk.api.audit.Journal;
import org.statdesk.api.audit.UserProvider;
import org.statdesk.api.store.Store;

/**
 * The journal: appends hash-chained entries on the caller's connection. Appenders lock the head row of the chain
 * for the rest of their transaction, so two writers (threads or processes) never fork the chain.
 */
@Component(service = Journal.class, immediate = true)
public final class JournalImpl implements Journal {
    static final String WHOLE_RECORD = "*";
    private static final int BATCH = 2000;
    private final Store store;
    private final UserProvider users;
    private final Map<String, TableInfo> tables = new ConcurrentHashMap<>();

    @Activate
    public JournalImpl(@Reference Store store,
            @Reference(policyOption = ReferencePolicyOption.GREEDY) UserProvider users, BundleContext ctx)
            throws SQLException {
        this(store, users);
        store.migrate(ctx.getBundle());
    }

    /** For tests and benchmarks: the caller has created the schema. */
    public JournalImpl(Store store, UserProvider users) {
        this.store = store;
        this.users = users;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addTable(AuditedTable t, ServiceReference<AuditedTable> ref) {
        addTable(TableInfo.of(t, ref.getBundle().getSymbolicName()));
    }

    void removeTable(AuditedTable t, ServiceReference<AuditedTable> ref) {
        tables.remove(t.table().toLowerCase(java.util.Locale.ROOT));
    }

    public void addTable(TableInfo t) {
        tables.put(t.table(), t);
    }

    private TableInfo table(String name) {
        TableInfo t = tables.get(name.toLowerCase(java.util.Locale.ROOT));
        if (t == null) {
            throw new IllegalStateException("table " + name + " is not declared as an AuditedTable service");
        }
        return t;
    }

    @Override
    public String currentUser() {
        return users.currentUser();
    }

    static String now() {
        return OffsetDateTime.now().truncatedTo(ChronoUnit.MILLIS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    @Override
    public void record(Connection c, Change ch) throws SQLException {
        append(c, List.of(new Pending(ch.bundle(), ch.entity(), ch.key(), ch.field(), ch.oldValue(), ch.newValue(),
                ch.reason(), null)));
    }

    @Override
    public void recordRow(Connection c, String table, String key, String field, String oldValue, String newValue,
            String reason) throws SQLException {
        TableInfo t = table(table);
        String digest = Digests.DELETED;
        try (PreparedStatement ps = c.prepareStatement(t.select(true))) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    digest = Digests.row(Digests.sha256(), rs, 2, t.columns().size() + 1);
                }
            }
        }
        append(c, List.of(new Pending(t.bundle(), t.table(), key, field, oldValue, newValue, reason, digest)));
    }

    @Override
    public void recordRows(Connection c, String table, Collection<String> keys, String action, String reason)
            throws SQLException {
        TableInfo t = table(table);
        Map<String, String> digests = digests(c, t, keys);
        List<Pending> out = new ArrayList<>(keys.size());
        for (String k : keys) {
            out.add(new Pending(t.bundle(), t.table(), k, WHOLE_RECORD, null, action, reason,
                    digests.getOrDefault(k, Digests.DELETED)));
        }
        append(c, out);
    }

    /** Digests of the rows with the given keys: one scan of the table for a bulk, lookups by key for a few. */
    private static Map<String, String> digests(Connection c, TableInfo t, Collection<String> keys)
            throws SQLException {
        Map<String, String> out = new HashMap<>(keys.size() * 2);
        MessageDigest md = Digests.sha256();
        int n = t.columns().size() + 1;
        if (keys.size() <= 50 && t.simpleKey()) {
            try (PreparedStatement ps = c.prepareStatement(t.select(true))) {
                for (String k : keys) {
                    ps.setString(1, k);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            out.put(k, Digests.row(md, rs, 2, n));
                        }
                    }
                }
            }
            return out;
        }
        Set<String> wanted = keys instanceof Set<String> s ? s : new HashSet<>(keys);
        try (PreparedStatement ps = c.prepareStatement(t.select(false)); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String k = rs.getString(1);
                if (wanted.contains(k)) {
                    out.put(k, Digests.row(md, rs, 2, n));
                }
            }
        }
        return out;
    }

    private record Pending(String bundle, String entity, String key, String field, String oldValue,
            String newValue, String reason, String rowDigest) {
    }

    private void append(Connection c, List<Pending> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        long seq;
        String hash;
        // Locks the head until the caller's transaction ends: appends are serialised, the chain never forks.
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT last_seq, last_hash FROM aud_head WHERE id = 1 FOR UPDATE"); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("the journal head (aud_head) is missing: the journal was tampered with");
            }
            seq = rs.getLong(1);
            hash = rs.getString(2);
        }
        String time = now();
        String user = users.currentUser();
        MessageDigest md = Digests.sha256();
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO aud_journal (seq, entry_time, user_name, bundle,"
                + " entity, entity_key, field, old_value, new_value, reason, row_digest, hash)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int inBatch = 0;
            for (Pending p : entries) {
                seq++;
                hash = Digests.chain(md, hash, seq, time, user, p.bundle(), p.entity(), p.key(), p.field(),
                        p.oldValue(), p.newValue(), p.reason(), p.rowDigest());
                ins.setLong(1, seq);
                ins.setString(2, time);
                ins.setString(3, user);
                ins.setString(4, p.bundle());
                ins.setString(5, p.entity());
                ins.setString(6, p.key());
                ins.setString(7, p.field());
                ins.setString(8, p.oldValue());
                ins.setString(9, p.newValue());
                ins.setString(10, p.reason());
                ins.setString(11, p.rowDigest());
                ins.setString(12, hash);
                ins.addBatch();
                if (++inBatch == BATCH) {
                    ins.executeBatch();
                    inBatch = 0;
                }
            }
            if (inBatch > 0) {
                ins.executeBatch();
            }
        }
        try (PreparedStatement up = c.prepareStatement("UPDATE aud_head SET last_seq = ?, last_hash = ? WHERE id = 1")) {
            up.setLong(1, seq);
            up.setString(2, hash);
            up.executeUpdate();
        }
    }

    @Override
    public List<Entry> history(String key, LocalDate since) throws SQLException {
        String sql = "SELECT seq, entry_time, user_name, bundle, entity, entity_key, field, old_value, new_value,"
                + " reason, row_digest, hash FROM aud_journal WHERE (entity_key = ? OR entity_key LIKE ? ESCAPE '!'"
                + " OR entity_key LIKE ? ESCAPE '!' OR entity_key LIKE ? ESCAPE '!')"
                + (since == null ? "" : " AND entry_time >= ?") + " ORDER BY seq";
        List<Entry> out = new ArrayList<>();
        try (Connection c = store.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, key);
            // A record keyed "CODE/..." (a report row of the unit, a second application) belongs to CODE's history.
            // ... and so does one keyed "PERIOD/CODE/FORM" (a review row): CODE as any path segment.
            String esc = key.replace("!", "!!").replace("%", "!%").replace("_", "!_");
            ps.setString(2, esc + "/%");
            ps.setString(3, "%/" + esc + "/%");
            ps.setString(4, "%/" + esc);
            if (since != null) {
                ps.setString(5, since.toString());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                            rs.getString(10), rs.getString(11), rs.getString(12)));
                }
            }
        }
        return out;
    }
}
