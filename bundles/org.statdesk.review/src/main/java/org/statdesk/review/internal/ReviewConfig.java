package org.statdesk.review.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the review ({@code etc/org.statdesk.review.cfg}). */
@ObjectClassDefinition(name = "StatDesk review", description = "Comparative edits and HB outliers")
public @interface ReviewConfig {
    @AttributeDefinition(description = "HB exponent U on the size of the unit")
    double hbU() default 0.5;

    @AttributeDefinition(description = "HB A: the smallest spread, as a share of the median effect")
    double hbA() default 0.05;

    @AttributeDefinition(description = "HB C: width of the bounds in spreads (univOutl 4, Kostra 20)")
    double hbC() default 7;

    @AttributeDefinition(description = "Strata smaller than this merge upward")
    int minStratum() default 10;

    @AttributeDefinition(description = "Month-on-month band: factor of the stratum median change")
    double momBand() default 2.0;

    @AttributeDefinition(description = "Year-on-year band: factor of the stratum median change")
    double yoyBand() default 2.0;

    @AttributeDefinition(description = "Unit slip tolerance factor around 10, 1000, 10000 times")
    double slipTolerance() default 1.6;

    @AttributeDefinition(description = "Recent months that make a unit's own median")
    int slipHistory() default 6;

    @AttributeDefinition(description = "Confrontation with tax invoices: band as a share of the invoiced sales")
    double recordsTaxBand() default 0.25;

    @AttributeDefinition(description = "Confrontation with metered power: band as a share of the metered kWh")
    double recordsPowerBand() default 0.20;

    @AttributeDefinition(description = "Confrontation with the unit's ledger: tolerance (千元)")
    double ledgerTolerance() default 1.0;
}
