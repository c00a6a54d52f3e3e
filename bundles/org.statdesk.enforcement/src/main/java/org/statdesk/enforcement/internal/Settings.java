package org.statdesk.enforcement.internal;

/** The settings as plain values, so that services and tests need no annotation proxy. */
public record Settings(String cityCode, double aboveShare, double townshipShare, double belowShare, int perTarget,
        int rectificationDays, double passTarget) {

    public static Settings defaults() {
        return new Settings("620600", 0.2, 0.3, 0.2, 2, 30, 0.8);
    }

    static Settings of(EnforcementConfig c) {
        Settings s = new Settings(c.city_code(), c.above_share(), c.township_share(), c.below_share(),
                c.inspectors_per_target(), c.rectification_days(), c.certificate_pass_target());
        if (s.perTarget < 2) {
            // the plan requires two certified inspectors per check; a setting cannot lower that
            return new Settings(s.cityCode, s.aboveShare, s.townshipShare, s.belowShare, 2, s.rectificationDays,
                    s.passTarget);
        }
        return s;
    }

    DrawEngine.Rules rules() {
        return new DrawEngine.Rules(aboveShare, townshipShare, belowShare, perTarget, cityCode);
    }
}
