package org.statdesk.store.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Versioned schema migrations: {@code V<n>__<description>.sql} applied in order of n, each once, recorded in
 * {@code statdesk_schema_history} per owner (bundle symbolic name). Portable SQL; where one database needs another
 * statement (PostgreSQL keeps indexes and tables in one namespace, H2 does not), a bundle ships that version again in
 * {@code db/migration/<kind>/} ({@code postgresql}, {@code h2}), which runs there instead. The history accepts the
 * checksum of any variant of a version, so a database restored from another kind's backup does not read as edited.
 */
public final class Migrations {
    static final Pattern NAME = Pattern.compile("V(\\d+)__([\\w.-]+)\\.sql");
    private static final String HISTORY = "CREATE TABLE IF NOT EXISTS statdesk_schema_history ("
            + "owner VARCHAR(200) NOT NULL, version INTEGER NOT NULL, description VARCHAR(200) NOT NULL, "
            + "checksum VARCHAR(64) NOT NULL, applied_at TIMESTAMP NOT NULL, PRIMARY KEY (owner, version))";

    /** {@code accepted}: the checksums of every variant of this version (its own included). */
    public record Script(int version, String description, String sql, java.util.Set<String> accepted) {
        public Script(int version, String description, String sql) {
            this(version, description, sql, java.util.Set.of(checksum(sql)));
        }
    }

    private Migrations() {
    }

    /** Reads scripts from their URLs (bundle entries), sorted by version. */
    public static List<Script> read(List<URL> urls) throws IOException {
        return read(urls, List.of(), List.of());
    }

    /**
     * Reads the portable scripts {@code urls} with the variants of this database ({@code mine}), which replace the
     * portable script of their version, and those of other databases ({@code others}), whose checksums the version
     * accepts too.
     */
    public static List<Script> read(List<URL> urls, List<URL> mine, List<URL> others) throws IOException {
        List<Script> out = new ArrayList<>();
        Map<Integer, Script> own = new HashMap<>();
        Map<Integer, java.util.Set<String>> sums = new HashMap<>();
        for (Script v : parse(mine)) {
            own.put(v.version(), v);
            sums.computeIfAbsent(v.version(), k -> new java.util.HashSet<>()).addAll(v.accepted());
        }
        for (Script v : parse(others)) {
            sums.computeIfAbsent(v.version(), k -> new java.util.HashSet<>()).addAll(v.accepted());
        }
        for (Script s : parse(urls)) {
            java.util.Set<String> all = new java.util.HashSet<>(s.accepted());
            all.addAll(sums.getOrDefault(s.version(), java.util.Set.of()));
            Script v = own.get(s.version());
            out.add(new Script(s.version(), s.description(), v == null ? s.sql() : v.sql(), java.util.Set.copyOf(all)));
        }
        for (Integer v : own.keySet()) {
            if (out.stream().noneMatch(s -> s.version() == v)) {
                throw new IOException("migration V" + v + " exists only as a variant for one database");
            }
        }
        for (int i = 1; i < out.size(); i++) {
            if (out.get(i).version() == out.get(i - 1).version()) {
                throw new IOException("two migrations with version " + out.get(i).version());
            }
        }
        return out;
    }

    private static List<Script> parse(List<URL> urls) throws IOException {
        List<Script> out = new ArrayList<>();
        for (URL u : urls) {
            String file = u.getPath().substring(u.getPath().lastIndexOf('/') + 1);
            Matcher m = NAME.matcher(file);
            if (!m.matches()) {
                continue;
            }
            try (InputStream in = u.openStream()) {
                out.add(new Script(Integer.parseInt(m.group(1)), m.group(2),
                        new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
        }
        out.sort((a, b) -> Integer.compare(a.version(), b.version()));
        return out;
    }

    /** Applies the scripts not yet applied for {@code owner}, each in its own transaction; returns how many ran. */
    public static int apply(Connection c, String owner, List<Script> scripts) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(true);
        try (Statement st = c.createStatement()) {
            st.execute(HISTORY);
        }
        Map<Integer, String> done = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT version, checksum FROM statdesk_schema_history WHERE owner = ?")) {
            ps.setString(1, owner);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    done.put(rs.getInt(1), rs.getString(2));
                }
            }
        }
        int ran = 0;
        c.setAutoCommit(false);
        try {
            for (Script s : scripts) {
                String sum = checksum(s.sql());
                if (done.containsKey(s.version())) {
                    if (!done.get(s.version()).equals(sum) && !s.accepted().contains(done.get(s.version()))) {
                        System.err.println("statdesk: migration V" + s.version() + " of " + owner
                                + " changed after it was applied; add a new migration instead of editing it");
                    }
                    continue;
                }
                try (Statement st = c.createStatement()) {
                    for (String stmt : statements(s.sql())) {
                        st.execute(stmt);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO statdesk_schema_history "
                        + "(owner, version, description, checksum, applied_at) VALUES (?, ?, ?, ?, ?)")) {
                    ps.setString(1, owner);
                    ps.setInt(2, s.version());
                    ps.setString(3, s.description());
                    ps.setString(4, sum);
                    ps.setTimestamp(5, new Timestamp(System.currentTimeMillis()));
                    ps.executeUpdate();
                }
                c.commit();
                ran++;
            }
        } catch (SQLException e) {
            c.rollback();
            throw new SQLException("migration of " + owner + " failed: " + e.getMessage(), e);
        } finally {
            c.setAutoCommit(auto);
        }
        return ran;
    }

    /** Splits a script at semicolons that end a line; comments starting with -- are dropped. */
    static List<String> statements(String sql) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String line : sql.split("\r?\n")) {
            String t = line.strip();
            if (t.startsWith("--") || t.isEmpty()) {
                continue;
            }
            cur.append(line).append('\n');
            if (t.endsWith(";")) {
                String s = cur.toString().strip();
                out.add(s.substring(0, s.length() - 1));
                cur.setLength(0);
            }
        }
        if (!cur.toString().isBlank()) {
            out.add(cur.toString().strip());
        }
        return out;
    }

    static String checksum(String sql) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(sql.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
