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

    @Test
    void splitsStatementsAtLineEndSemicolons() {
        assertEquals(List.of("CREATE TABLE a (x VARCHAR(3))", "INSERT INTO a VALUES ('a;b')"),
                Migrations.statements("CREATE TABLE a (x VARCHAR(3));\n-- c\nINSERT INTO a VALUES ('a;b');\n"));
    }
}
