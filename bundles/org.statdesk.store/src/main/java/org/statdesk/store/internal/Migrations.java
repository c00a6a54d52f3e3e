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
 * {@code statdesk_schema_history} per owner (bundle symbolic name). Portable SQL only.
 */
public final class Migrations {
    static final Pattern NAME = Pattern.compile("V(\\d+)__([\\w.-]+)\\.sql");
    private static final String HISTORY = "CREATE TABLE IF NOT EXISTS statdesk_schema_history ("
            + "owner VARCHAR(200) NOT NULL, version INTEGER NOT NULL, description VARCHAR(200) NOT NULL, "
            + "checksum VARCHAR(64) NOT NULL, applied_at TIMESTAMP NOT NULL, PRIMARY KEY (owner, version))";

    public record Script(int version, String description, String sql) {
    }

    private Migrations() {
    }

    /** Reads scripts from their URLs (bundle entries), sorted by version. */
    public static List<Script> read(List<URL> urls) throws IOException {
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
        for (int i = 1; i < out.size(); i++) {
            if (out.get(i).version() == out.get(i - 1).version()) {
                throw new IOException("two migrations with version " + out.get(i).version());
            }
        }
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
                    if (!done.get(s.version()).equals(sum)) {
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
