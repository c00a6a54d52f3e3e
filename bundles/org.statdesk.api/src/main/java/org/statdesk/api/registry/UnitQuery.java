package org.statdesk.api.registry;

/** A filter on the register; a null field matches everything. {@code county} is a 6-digit county code. */
public record UnitQuery(String county, String specialty, String status, String scale, String text) {
    public static UnitQuery all() {
        return new UnitQuery(null, null, null, null, null);
    }

    public static UnitQuery inRegister() {
        return new UnitQuery(null, null, Unit.IN_REGISTER, null, null);
    }
}
