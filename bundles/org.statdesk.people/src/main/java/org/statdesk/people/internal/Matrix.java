package org.statdesk.people.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.statdesk.api.people.Person;

/**
 * The permission matrix (权限表) from {@code permissions.csv}: data, not code, so that the documentation and
 * {@code user:roles} print the very rules that are enforced. A permission ending in {@code .*} covers those below it;
 * a permission the matrix does not name is allowed to no one (a new command must be added here to be usable once users
 * exist).
 */
final class Matrix {
    static final Set<String> ROLES = Set.of(Person.ADMIN, Person.CENSUS, Person.SECTION, Person.COUNTY,
            Person.ENFORCEMENT, Person.LEADER);

    /** One row: a permission (or a prefix with .*), its roles and what it means. */
    record Row(String permission, List<String> roles, String meaning) {
        boolean covers(String p) {
            return permission.endsWith(".*") ? p.startsWith(permission.substring(0, permission.length() - 1))
                    : permission.equals(p);
        }
    }

    private final List<Row> rows;

    Matrix(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    static Matrix load() {
        try (InputStream in = Matrix.class.getResourceAsStream("/permissions.csv")) {
            if (in == null) {
                throw new IllegalStateException("permissions.csv is missing from the people bundle");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read permissions.csv: " + e, e);
        }
    }

    static Matrix parse(List<String> lines) {
        List<Row> rows = new ArrayList<>();
        boolean header = true;
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            String[] f = line.split(",", 3);
            List<String> roles = List.of(f[1].split("\\|"));
            for (String r : roles) {
                if (!ROLES.contains(r)) {
                    throw new IllegalStateException("permissions.csv: unknown role '" + r + "' in: " + line);
                }
            }
            rows.add(new Row(f[0].strip(), roles, f.length > 2 ? f[2].strip() : ""));
        }
        return new Matrix(rows);
    }

    boolean allows(String role, String permission) {
        if (permission == null || permission.isEmpty()) {
            return true;
        }
        return rows.stream().anyMatch(r -> r.covers(permission) && r.roles().contains(role));
    }

    boolean knows(String permission) {
        return rows.stream().anyMatch(r -> r.covers(permission));
    }

    List<Row> rows() {
        return rows;
    }

    /** Role to the permissions it has, for {@code user:roles --json}. */
    Map<String, List<String>> byRole() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String role : List.of(Person.ADMIN, Person.CENSUS, Person.SECTION, Person.COUNTY, Person.ENFORCEMENT,
                Person.LEADER)) {
            out.put(role, rows.stream().filter(r -> r.roles().contains(role)).map(Row::permission).toList());
        }
        return out;
    }
}
