package org.statdesk.testing;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.statdesk.api.registry.Divisions;
import org.statdesk.api.registry.Register;
import org.statdesk.api.registry.Unit;
import org.statdesk.api.registry.UnitQuery;

/** A {@link Register} over units and divisions a test adds; lists filter as the real register does. */
public final class ListRegister implements Register {
    private final Map<String, Unit> units = new LinkedHashMap<>();
    private final Map<String, Divisions.Division> divisions = new HashMap<>();

    public ListRegister() {
    }

    public ListRegister(Iterable<Unit> us) {
        us.forEach(this::put);
    }

    public ListRegister put(Unit u) {
        units.put(u.creditCode(), u);
        return this;
    }

    /** An above-scale unit of class C1391, revenue 30,000 千元, in the register since 2020. */
    public Unit add(String code, String name, String township, String specialty) {
        Unit u = new Unit(code, name, township, township.substring(0, 6), "C1391", specialty, "above", 30000,
                null, "", "", "", Unit.IN_REGISTER, "2020-01-01", null);
        put(u);
        return u;
    }

    /** A county (6 digits) or township (9 digits) and its name. */
    public ListRegister division(String code, String name) {
        divisions.put(code, new Divisions.Division(code, name, code.length() == 6 ? "county" : "township",
                code.substring(0, Math.max(0, code.length() - 3))));
        return this;
    }

    public Map<String, Unit> units() {
        return units;
    }

    @Override
    public Optional<Unit> find(String code) {
        return Optional.ofNullable(units.get(code));
    }

    @Override
    public List<Unit> list(UnitQuery q) {
        return units.values().stream()
                .filter(u -> q.specialty() == null || q.specialty().equals(u.specialty()))
                .filter(u -> q.status() == null || q.status().equals(u.status()))
                .filter(u -> q.scale() == null || q.scale().equals(u.scale()))
                .filter(u -> q.county() == null || q.county().equals(u.countyCode()))
                .filter(u -> q.text() == null || u.name().contains(q.text()) || u.creditCode().contains(q.text()))
                .toList();
    }

    /** Scope is the real register's: this one lists every unit, so it is its own whole. */
    @Override
    public Register whole() {
        return this;
    }

    @Override
    public Divisions divisions() {
        return new Divisions() {
            @Override
            public Optional<Division> find(String code) {
                return Optional.ofNullable(divisions.get(code));
            }

            @Override
            public List<Division> townships(String prefix) {
                return divisions.values().stream()
                        .filter(d -> d.code().length() == 9 && d.code().startsWith(prefix)).toList();
            }

            @Override
            public List<Division> counties(String city) {
                return divisions.values().stream()
                        .filter(d -> d.code().length() == 6 && d.code().startsWith(city.substring(0, 4))).toList();
            }
        };
    }
}
