package org.statdesk.api.people;

/**
 * A person who works with StatDesk (人员): login, display name (中文姓名), role and, for a county bureau or a
 * specialty section, the county or specialty they work within.
 *
 * @param role one of {@link #ADMIN}, {@link #CENSUS}, {@link #SECTION}, {@link #COUNTY}, {@link #ENFORCEMENT},
 *        {@link #LEADER}
 * @param county a 6-digit county code for {@link #COUNTY}, else null
 * @param specialty a specialty key (e.g. {@code industrial}) for {@link #SECTION}, else null
 */
public record Person(String login, String display, String role, String county, String specialty) {
    /** 系统管理员: users, features, backup and restore. */
    public static final String ADMIN = "admin";
    /** 普查科: the register of every county. */
    public static final String CENSUS = "census";
    /** 专业科室: one specialty, every county. */
    public static final String SECTION = "section";
    /** 县区统计局: one county. */
    public static final String COUNTY = "county";
    /** 法规科: double-random checks, cases, interference register, ledger. */
    public static final String ENFORCEMENT = "enforcement";
    /** 领导: reads everything, signs off releases. */
    public static final String LEADER = "leader";

    /** Whether this person may see and act on a unit of {@code countyCode} in {@code specialtyKey}. */
    public boolean covers(String countyCode, String specialtyKey) {
        return scope().covers(countyCode, specialtyKey);
    }

    /**
     * What this person works within: a county user their county, a section user their specialty (a county or
     * section user without one sees nothing), everyone else everything.
     */
    public Scope scope() {
        String who = journalName() + " (" + role + ")";
        if (COUNTY.equals(role)) {
            return new Scope(county == null ? "" : county, null, who);
        }
        if (SECTION.equals(role)) {
            return new Scope(null, specialty == null ? "" : specialty, who);
        }
        return Scope.everything();
    }

    /** Whether a journal entry's user ({@link #journalName()} as it was written) names this person. */
    public boolean named(String journalUser) {
        return journalUser != null && (journalUser.equals(login) || journalUser.startsWith(login + "（"));
    }

    /** How the journal names the person: login and display name. */
    public String journalName() {
        return display == null || display.isBlank() || display.equals(login) ? login : login + "（" + display + "）";
    }
}
