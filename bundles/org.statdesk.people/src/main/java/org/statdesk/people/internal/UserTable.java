package org.statdesk.people.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The SQL of {@code ppl_user}, in one place. */
final class UserTable {
    static final String TABLE = "ppl_user";
    /** What the journal's digest covers: who a user is and may be; the failure count and lock are not. */
    static final List<String> AUDITED = List.of("login", "display", "role", "county", "specialty", "password_hash",
            "enabled");

    /** A stored user. */
    record Row(String login, String display, String role, String county, String specialty, String passwordHash,
            boolean enabled, int failed, Instant lockedUntil, Instant created) {
    }

    private static final String COLUMNS = "login, display, role, county, specialty, password_hash, enabled, failed, "
            + "locked_until, created_at";

    private UserTable() {
    }

    static long count(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + TABLE); ResultSet rs =
                ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static Optional<Row> find(Connection c, String login) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + TABLE + " WHERE login = ?")) {
            ps.setString(1, login);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    static List<Row> all(Connection c) throws SQLException {
        List<Row> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + TABLE + " ORDER BY login");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(row(rs));
            }
        }
        return out;
    }

    static void insert(Connection c, Row r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE + " (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, r.login());
            ps.setString(2, r.display());
            ps.setString(3, r.role());
            ps.setString(4, r.county());
            ps.setString(5, r.specialty());
            ps.setString(6, r.passwordHash());
            ps.setBoolean(7, r.enabled());
            ps.setInt(8, r.failed());
            ps.setTimestamp(9, r.lockedUntil() == null ? null : Timestamp.from(r.lockedUntil()));
            ps.setTimestamp(10, Timestamp.from(r.created()));
            ps.executeUpdate();
        }
    }

    /** Records a failed sign-in and, from the 5th in a row, the lock. */
    static void failed(Connection c, String login, int failed, Instant lockedUntil) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + TABLE
                + " SET failed = ?, locked_until = ? WHERE login = ?")) {
            ps.setInt(1, failed);
            ps.setTimestamp(2, lockedUntil == null ? null : Timestamp.from(lockedUntil));
            ps.setString(3, login);
            ps.executeUpdate();
        }
    }

    /** A good sign-in or an unlock: no failures, no lock. */
    static void clearFailures(Connection c, String login) throws SQLException {
        failed(c, login, 0, null);
    }

    static void setEnabled(Connection c, String login, boolean enabled) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + TABLE + " SET enabled = ? WHERE login = ?")) {
            ps.setBoolean(1, enabled);
            ps.setString(2, login);
            ps.executeUpdate();
        }
    }

    static void setPassword(Connection c, String login, String hash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + TABLE
                + " SET password_hash = ?, failed = 0, locked_until = NULL WHERE login = ?")) {
            ps.setString(1, hash);
            ps.setString(2, login);
            ps.executeUpdate();
        }
    }

    private static Row row(ResultSet rs) throws SQLException {
        Timestamp locked = rs.getTimestamp(9);
        return new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getBoolean(7), rs.getInt(8), locked == null ? null : locked.toInstant(),
                rs.getTimestamp(10).toInstant());
    }
}
