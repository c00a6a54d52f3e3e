package org.statdesk.review.internal.scope;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.statdesk.api.audit.Journal;
import org.statdesk.api.people.Person;
import org.statdesk.api.people.Scope;
import org.statdesk.api.registry.Unit;

/**
 * Who works now and what they may see and change of the review (审核的工作范围): the one place the review's rooms ask,
 * so that flags, reports, rates, aggregates, query lists and comparisons obey the same rule whoever reads them (a
 * command, the workbench, a chart). A data folder without users, or no people bundle, has no limit.
 */
public interface ReviewScope {
    /** The scope of the person working now. */
    Scope scope();

    /** Requires {@code permission} of the person working (the person, or null without the people bundle). */
    Person require(String permission);

    /** The whole register's units of a specialty (null: all) by credit code, whatever the scope. */
    Map<String, Unit> units(String specialty);

    /** Which credit codes of {@code specialty} (null: all) the person may see; everything passes without a limit. */
    Predicate<String> visible(String specialty);

    /** Requires that the unit of {@code creditCode} is within the scope: "not permitted" (exit 3) outside. */
    void requireUnit(String creditCode);

    /**
     * Refuses the person who made the entry of {@code history} that set {@code field} of {@code key} to {@code value}
     * (separation of duties, 不相容职务分离): the journal is hash-chained, so the name it holds cannot be rewritten unseen.
     */
    void requireNotBy(List<Journal.Entry> history, String entity, String key, String field, String value,
            String permission, String what);
}
