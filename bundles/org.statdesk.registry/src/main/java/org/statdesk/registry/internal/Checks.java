package org.statdesk.registry.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;

/** The register's checks (核查): a row's fields, then valid rows against the live register and each other. */
public interface Checks {
    /** Validates one row's fields by column name; every error has line, field, the value as shown, and why. */
    Row.Parsed parse(int line, Function<String, String> get);

    /** Checks rows (with their app ids) against the live register and each other; findings in row order. */
    List<Finding> check(Connection c, List<Row> rows, List<String> appIds) throws SQLException;
}
