package org.statdesk.registry.internal;

import org.statdesk.api.registry.Unit;

/** An application as stored: the unit, its app id and the reason and kind of its last status change. */
public record Application(String appId, Unit unit, String statusReason, String exitKind) {
    public static final String APPLIED = "applied";
    public static final String COUNTY_CHECKED = "county_checked";
    public static final String REJECTED = "rejected";
    public static final String EXITED = "exited";

    /** In the register first, then pending applications, then rejected and exited ones. */
    public static int rank(String status) {
        return switch (status) {
            case Unit.IN_REGISTER -> 0;
            case COUNTY_CHECKED, APPLIED -> 1;
            default -> 2;
        };
    }

    public boolean live() {
        return rank(unit.status()) < 2;
    }
}
