package org.statdesk.api.people;

import org.statdesk.api.command.NotPermittedException;

/**
 * What the person working may see and change (工作范围): a county bureau its county, a specialty section its
 * specialty in every county, everyone else the whole city. A null {@code county} or {@code specialty} is no limit.
 * Services read and write through it, so that the command line, the workbench, exports and charts obey one rule.
 *
 * @param county the 6-digit county code a county user works within, else null
 * @param specialty the specialty key a section user works within, else null
 * @param who how a refusal names the person (login, display name and role), null for everything
 */
public record Scope(String county, String specialty, String who) {
    private static final Scope EVERYTHING = new Scope(null, null, null);
    /** No county and no specialty is "": nothing matches, in a comparison or in SQL. */
    private static final Scope NOBODY = new Scope("", "", null);

    /** No limit: a leader, census, admin or enforcement person, or a data folder without users. */
    public static Scope everything() {
        return EVERYTHING;
    }

    /**
     * No one signed in where the data folder has users: nothing is seen (a window drawing before its sign-in dialog
     * is answered shows empty lists), and acting is "not signed in".
     */
    public static Scope nobody() {
        return NOBODY;
    }

    /** The scope of the person working now; everything without the people bundle ({@code people} null). */
    public static Scope of(People people) {
        return people == null ? EVERYTHING : people.scope();
    }

    /** Whether there is no limit at all (reads need no filtering). */
    public boolean isEverything() {
        return county == null && specialty == null;
    }

    /** Whether a unit (report, flag) of {@code countyCode} and {@code specialtyKey} is within the scope. */
    public boolean covers(String countyCode, String specialtyKey) {
        return (county == null || county.equals(countyCode)) && (specialty == null || specialty.equals(specialtyKey));
    }

    /**
     * Requires that a unit of {@code countyCode} and {@code specialtyKey} is within the scope: acting outside is
     * "not permitted" (exit 3), never "unknown unit".
     *
     * @throws NotPermittedException with permission {@code scope}
     */
    public void require(String countyCode, String specialtyKey) {
        if (this.equals(NOBODY)) {
            throw new NotPermittedException("not signed in: this data folder has users; sign in first", "scope");
        }
        if (!covers(countyCode, specialtyKey)) {
            throw new NotPermittedException("not permitted (无权操作): " + who + " works within "
                    + (county != null ? "county " + county : "specialty " + specialty) + "; this is "
                    + (countyCode == null ? "every county" : "county " + countyCode) + ", specialty " + specialtyKey,
                    "scope");
        }
    }
}
