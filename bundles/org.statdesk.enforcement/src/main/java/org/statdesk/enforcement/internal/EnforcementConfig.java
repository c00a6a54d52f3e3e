package org.statdesk.enforcement.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the enforcement specialty, {@code etc/org.statdesk.enforcement.cfg}. */
@ObjectClassDefinition(name = "StatDesk enforcement", description = "双随机抽查、案件、干预记录、问题台账")
public @interface EnforcementConfig {
    @AttributeDefinition(description = "City code whose bureau staff may inspect in any county")
    String city_code() default "620600";

    @AttributeDefinition(description = "Share of 四上 (above) units to draw each year")
    double above_share() default 0.2;

    @AttributeDefinition(description = "Share of the city's township-level divisions to draw each year")
    double township_share() default 0.3;

    @AttributeDefinition(description = "Share of 四下 (below) sample units to draw each year")
    double below_share() default 0.2;

    @AttributeDefinition(description = "Certified inspectors per target (at least 2)")
    int inspectors_per_target() default 2;

    @AttributeDefinition(description = "Days allowed to rectify a finding when no deadline is given")
    int rectification_days() default 30;

    @AttributeDefinition(description = "Target pass rate of the enforcement certificate exam")
    double certificate_pass_target() default 0.8;
}
