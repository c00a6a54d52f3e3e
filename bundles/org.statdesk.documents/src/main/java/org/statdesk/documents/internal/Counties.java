package org.statdesk.documents.internal;

import org.statdesk.api.registry.Divisions.Division;
import org.statdesk.api.registry.Register;

/** County codes as options and names as printed, from the register's division list. */
final class Counties {
    private Counties() {
    }

    /** A 6-digit county code of the division list; bad input otherwise. */
    static String check(Register register, String county) {
        String c = county.strip();
        if (!c.matches("\\d{6}") || register.divisions().find(c).isEmpty()) {
            throw Press.bad("county", county, "not a county code of the division list (6 digits, e.g. 620602)");
        }
        return c;
    }

    /** 凉州区 for 620602; the code itself when the division list does not know it. */
    static String name(Register register, String code) {
        if (code == null || code.equals("all")) {
            return "全市";
        }
        return register.divisions().find(code).map(Division::name).orElse(code);
    }
}
