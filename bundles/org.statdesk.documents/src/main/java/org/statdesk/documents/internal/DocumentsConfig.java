package org.statdesk.documents.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the printed documents, {@code etc/org.statdesk.documents.cfg}. */
@ObjectClassDefinition(name = "StatDesk documents",
        description = "总结报告、通报、实地核查表、未报迟报名单")
public @interface DocumentsConfig {
    @AttributeDefinition(description = "The bureau's name at the head of every document")
    String bureau() default "武威市统计局";

    @AttributeDefinition(description = "A CJK font with TrueType outlines (.ttf or .ttc); empty: the first of the "
            + "known system fonts that is found")
    String font() default "";

    @AttributeDefinition(description = "The font's name inside a .ttc collection; empty: its first usable member")
    String font_name() default "";
}
