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
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.statdesk.api.audit.AuditedTable;
import org.statdesk.api.audit.Journal;
import org.statdesk.api.audit.TrustAnchors;
import org.statdesk.api.audit.UserProvider;
import org.statdesk.api.store.Store;

/**
 * The journal: appends hash-chained entries on the caller's connection. Appenders lock the head row of the chain
 * for the rest of their transaction, so two writers (threads or processes) never fork the chain.
 */
@Component(service = {Journal.class, TrustAnchors.class}, immediate = true)
public final class JournalImpl implements Journal, TrustAnchors {
    static final String WHOLE_RECORD = "*";
    private static final int BATCH = 2000;
    private final Store store;
    private final UserProvider users;
    private final Trustee trustee;
    private final BundleContext ctx;
    private final Map<String, TableInfo> tables = new ConcurrentHashMap<>();
    /** Schema rows known to be journaled; a different count means a bundle migrated since. */
    private volatile int schemaRows = -1;

    /**
     * The workstation's journal: seals every new head with the installation's key and anchors the heads it sees,
     * at once when it opens (so that a head written before a kill is anchored at the next start) and when it stops.
     */
    @Activate
    public JournalImpl(@Reference Store store,
            @Reference(policyOption = ReferencePolicyOption.GREEDY) UserProvider users, BundleContext ctx)
            throws SQLException, java.io.IOException {
        this(store, users, Trustee.inDataFolder(store.dataFolder(), users), ctx);
        store.migrate(ctx.getBundle());
        try (Connection c = store.connection()) {
            journalMigrations();
            trustee.sync(c);
        }
    }

    /** For tests and benchmarks: the caller has created the schema; no signing, no anchors. */
    public JournalImpl(Store store, UserProvider users) {
        this(store, users, null, null);
    }

    /** For tests: a journal that signs and anchors through {@code trustee}; migrations journaled when ctx is given. */
    JournalImpl(Store store, UserProvider users, Trustee trustee, BundleContext ctx) {
        this.store = store;
        this.users = users;
        this.trustee = trustee;
        this.ctx = ctx;
    }

    @Deactivate
    void stop() {
        try (Connection c = store.connection()) {
            trustee.sync(c);
        } catch (SQLException | RuntimeException e) {
            // the store may be going away too; the next start anchors what this stop could not
            System.err.println("statdesk: could not anchor the journal's head at stop: " + e.getMessage());
        }
    }

    /** Journals, in their own transaction, the schema rows of migrations that ran since the last look. */
    private void journalMigrations() throws SQLException {
        if (ctx == null) {
            return;
        }
        try {
            store.inTransaction(c -> {
                append(c, List.of());
                return null;
            });
        } catch (SQLException e) {
            throw e;
        } catch (Exception e) {
            throw new SQLException("cannot journal the schema's migrations: " + e.getMessage(), e);
        }
    }

    /** The schema rows to journal with the next append (empty when no bundle migrated since the last look). */
    private List<Pending> migrations(Connection c) throws SQLException {
        if (ctx == null) {
            return List.of();
        }
        int n = SchemaHistoryTable.count(c);
        if (n == schemaRows) {
            return List.of();
        }
        List<String> keys = SchemaHistoryTable.newMigrations(c, ctx);
        // the count is a hint only: if this transaction rolls back, the next start or look journals them again
        schemaRows = n;
        Map<String, String> d = digests(c, SchemaHistoryTable.INFO, keys);
        List<Pending> out = new ArrayList<>(keys.size());
        for (String k : keys) {
            out.add(new Pending("org.statdesk.store", SchemaHistoryTable.TABLE, k, WHOLE_RECORD, null, "migrated",
                    "数据库结构迁移", d.getOrDefault(k, Digests.DELETED)));
        }
        return out;
    }

    /**
     * audit:verify: the chain and every guarded row, against the pinned keys and anchored heads, and the head
     * {@code given} (may be null); anchors the head when all holds.
     */
    Verifier.Result verify(Connection c, Connection second, Head given) throws SQLException {
        if (trustee == null) {
            return Verifier.verify(c, second, List.copyOf(tables.values()));
        }
        schemaRows = -1; // look again: a rolled-back transaction may have left migrations unjournaled
        journalMigrations();
        Verifier.Result r = Verifier.verify(c, second, List.copyOf(tables.values()), trustee.trust(), given);
        if (r.ok()) {
            trustee.sync(c);
        }
        return r;
    }

    /** audit:head: the head, anchored first when it extends the anchored history. */
    Head anchoredHead(Connection c) throws SQLException {
        return trustee == null ? Trustee.head(c) : trustee.sync(c);
    }

    @Override
    public Head head(Connection c) throws SQLException {
        return Trustee.head(c);
    }

    @Override
    public String forBackup(Connection c) throws SQLException {
        return trustee().forBackup(c);
    }

    @Override
    public void restored(String trust, String backupName) throws SQLException {
        trustee().restored(trust, backupName);
    }

    @Override
    public Verification verify(Connection c, String trust) throws SQLException {
        Trustee.Backup b = Trustee.parse(trust);
        // this installation's own seals can be checked here too (a backup of its own)
        Anchors.Trust t = trustee == null ? b.trust() : b.trust().checkedWith(trustee.key());
        Verifier.Result r = Verifier.verify(c, null, List.copyOf(tables.values()), t, null);
        return new Verification(r.ok(), r, AuditCommands.text(r));
    }

    private Trustee trustee() {
        if (trustee == null) {
            throw new IllegalStateException("this journal was made without its keys and anchors");
        }
        return trustee;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addTable(AuditedTable t, ServiceReference<AuditedTable> ref) {
        TableInfo info = TableInfo.of(t, ref.getBundle().getSymbolicName());
        addTable(info);
        adoptCoverage(info);
    }

    /**
     * An update that guards more of a table (or a new table) adopts the new coverage once, after checking the rows
     * under the former one ({@link Coverage}); a workstation's journal only (tests build their schema by hand).
     */
    private void adoptCoverage(TableInfo info) {
        if (ctx == null) {
            return;
        }
        try {
            store.inTransaction(c -> {
                Coverage.adopt(c, info, this).ifPresent(a -> {
                    if (a.adopted() > 0 || a.refused() > 0) {
                        System.err.println("statdesk: audit coverage of " + info.table() + " adopted: " + a.adopted()
                                + " rows journaled under the new coverage" + (a.refused() == 0 ? ""
                                : ", " + a.refused() + " rows did not match their journal digests and stay reported"));
                    }
                });
                return null;
            });
        } catch (Exception e) {
            System.err.println("statdesk: audit coverage of " + info.table() + " could not be adopted now: "
                    + e.getMessage());
        }
    }

    /** The sequence number of the journal's last entry. */
    long headSeq(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT last_seq FROM aud_head WHERE id = 1");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
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

    private void append(Connection c, List<Pending> given) throws SQLException {
        List<Pending> schema = migrations(c);
        List<Pending> entries = given;
        if (!schema.isEmpty()) {
            entries = new ArrayList<>(schema);
            entries.addAll(given);
        }
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
        if (trustee != null) {
            trustee.checkpoint(c, seq, hash, time);
        }
    }

    /** audit:log without an entity: the last {@code limit} entries (since the date if given), oldest first. */
    List<Entry> recent(LocalDate since, int limit) throws SQLException {
        String sql = "SELECT seq, entry_time, user_name, bundle, entity, entity_key, field, old_value, new_value,"
                + " reason, row_digest, hash FROM aud_journal" + (since == null ? "" : " WHERE entry_time >= ?")
                + " ORDER BY seq DESC FETCH FIRST " + limit + " ROWS ONLY";
        List<Entry> out = new ArrayList<>();
        try (Connection c = store.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (since != null) {
                ps.setString(1, since.toString());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(entry(rs));
                }
            }
        }
        java.util.Collections.reverse(out);
        return out;
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        return new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getString(11), rs.getString(12));
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
                    out.add(entry(rs));
                }
            }
        }
        return out;
    }
}
