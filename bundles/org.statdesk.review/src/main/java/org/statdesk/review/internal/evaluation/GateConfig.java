package org.statdesk.review.internal.evaluation;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The bureau's rule for figures changed after evaluation ({@code etc/org.statdesk.review.gate.cfg}). */
@ObjectClassDefinition(name = "StatDesk publication gate", description = "What a changed figure of an evaluated "
        + "or released month does")
public @interface GateConfig {
    @AttributeDefinition(description = "reopen: a changed figure of an evaluated or released month sends its county "
            + "back to collecting; refuse: revisions of a released month are refused (evaluated ones still reopen)")
    String releasedRevisions() default "reopen";
}
