package org.statdesk.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class MigrationsTest {
    private static Connection db(String name) throws SQLException {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        return ds.getConnection();
    }

    private static int count(Connection c, String sql) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void appliesInOrderOnceAndOnlyOnce() throws Exception {
        try (Connection c = db("once")) {
            var v1 = new Migrations.Script(1, "init", "CREATE TABLE t (a INTEGER);\n-- seed\nINSERT INTO t VALUES (1);");
            var v2 = new Migrations.Script(2, "more", "INSERT INTO t VALUES (2);");
            assertEquals(2, Migrations.apply(c, "b", List.of(v1, v2)));
            assertEquals(0, Migrations.apply(c, "b", List.of(v1, v2)));
            assertEquals(2, count(c, "SELECT COUNT(*) FROM t"));
            var v3 = new Migrations.Script(3, "third", "INSERT INTO t VALUES (3);");
            assertEquals(1, Migrations.apply(c, "b", List.of(v1, v2, v3)), "an update runs only its new migration");
            assertEquals(3, count(c, "SELECT COUNT(*) FROM t"));
            assertEquals(3, count(c, "SELECT COUNT(*) FROM statdesk_schema_history WHERE owner = 'b'"));
        }
    }

    @Test
    void aFailingMigrationLeavesNothingHalfDone() throws Exception {
        try (Connection c = db("fail")) {
            var bad = new Migrations.Script(1, "bad", "CREATE TABLE u (a INTEGER);\nINSERT INTO nowhere VALUES (1);");
            SQLException e = assertThrows(SQLException.class, () -> Migrations.apply(c, "x", List.of(bad)));
            assertTrue(e.getMessage().contains("migration of x failed"));
            assertEquals(0, count(c, "SELECT COUNT(*) FROM statdesk_schema_history WHERE owner = 'x'"));
        }
    }

    private static java.net.URL script(java.nio.file.Path dir, String name, String sql) throws Exception {
        java.nio.file.Files.createDirectories(dir);
        return java.nio.file.Files.writeString(dir.resolve(name), sql).toUri().toURL();
    }

    /** A database's variant replaces its version there; a history written by another variant is not "edited". */
    @Test
    void aVariantRunsInsteadAndEveryVariantsChecksumIsAccepted(@org.junit.jupiter.api.io.TempDir java.nio.file.Path d)
            throws Exception {
        var v1 = script(d, "V1__t.sql", "CREATE TABLE t (a INTEGER);\n");
        var v2 = script(d, "V2__u.sql", "INSERT INTO t VALUES (2);\n");
        var pg = script(d.resolve("postgresql"), "V2__u.sql", "INSERT INTO t VALUES (20);\n");
        List<Migrations.Script> onPg = Migrations.read(List.of(v2, v1), List.of(pg), List.of());
        List<Migrations.Script> onH2 = Migrations.read(List.of(v1, v2), List.of(), List.of(pg));
        assertEquals("INSERT INTO t VALUES (20);\n", onPg.get(1).sql());
        assertEquals("INSERT INTO t VALUES (2);\n", onH2.get(1).sql());
        assertEquals(onPg.get(1).accepted(), onH2.get(1).accepted());
        assertEquals(2, onH2.get(1).accepted().size());
        java.io.PrintStream err = System.err;
        var said = new java.io.ByteArrayOutputStream();
        try (Connection c = db("variants")) {
            assertEquals(2, Migrations.apply(c, "v", onH2));
            System.setErr(new java.io.PrintStream(said, true, java.nio.charset.StandardCharsets.UTF_8));
            assertEquals(0, Migrations.apply(c, "v", onPg), "the H2 history counts as applied under PostgreSQL's");
            assertEquals(2, count(c, "SELECT SUM(a) FROM t"));
        } finally {
            System.setErr(err);
        }
        assertEquals("", said.toString(java.nio.charset.StandardCharsets.UTF_8));
        var lone = script(d.resolve("h2"), "V3__w.sql", "SELECT 1;\n");
        assertThrows(java.io.IOException.class, () -> Migrations.read(List.of(v1, v2), List.of(lone), List.of()));
    }

    @Test
    void splitsStatementsAtLineEndSemicolons() {
        assertEquals(List.of("CREATE TABLE a (x VARCHAR(3))", "INSERT INTO a VALUES ('a;b')"),
                Migrations.statements("CREATE TABLE a (x VARCHAR(3));\n-- c\nINSERT INTO a VALUES ('a;b');\n"));
    }
}
