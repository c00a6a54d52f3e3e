package org.statdesk.review.internal.evaluation;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.statdesk.api.audit.Journal;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.registry.Unit;
import org.statdesk.review.internal.scope.ReviewScope;
import org.statdesk.review.internal.tables.EvaluationTable;
import org.statdesk.review.internal.tables.PeriodTable;

/**
 * The gate between evaluation and publication (评估与发布之间的闸门): every write of reported figures (an import, a
 * revision, a flag's correction) tells it what changed, inside its own transaction. A changed figure of a county whose
 * evaluation passed, or of a month evaluated or released, reopens that county's evaluation and sends the month back
 * to collecting, journaled with the reason: the month is not for publication until it is evaluated and released
 * again. A bureau may instead refuse revisions of a released month ({@link GateConfig#releasedRevisions}).
 * <p>
 * It references neither the statuses nor the flags, so that both the import and the flag workflow can use it.
 */
@Component(service = Gate.class, configurationPid = "org.statdesk.review.gate")
@Designate(ocd = GateConfig.class)
public final class Gate {
    /** A changed report: its period, specialty and unit. */
    public record Change(String period, String specialty, String creditCode) {
    }

    private final Journal journal;
    private final ReviewScope scope;
    private volatile boolean refuseReleased;

    @Activate
    public Gate(@Reference Journal journal, @Reference ReviewScope scope, GateConfig config) {
        this(journal, scope, config.releasedRevisions());
    }

    /** For tests: the setting given. */
    public Gate(Journal journal, ReviewScope scope, String releasedRevisions) {
        this.journal = journal;
        this.scope = scope;
        setting(releasedRevisions);
    }

    @Modified
    void modified(GateConfig config) {
        setting(config.releasedRevisions());
    }

    private void setting(String s) {
        if (!s.equals("reopen") && !s.equals("refuse")) {
            throw new IllegalArgumentException("releasedRevisions must be reopen or refuse, not " + s);
        }
        refuseReleased = s.equals("refuse");
    }

    /**
     * After figures were written in {@code c}: reopens what they touch, or refuses (the caller's transaction then
     * rolls back, nothing written). {@code reason} is the writer's (a revision's reason), or null.
     */
    public void changed(Connection c, Collection<Change> changes, String reason) throws SQLException {
        Map<List<String>, Set<String>> byMonth = new TreeMap<>((a, b) -> (a.get(0) + a.get(1)).compareTo(
                b.get(0) + b.get(1)));
        for (Change ch : changes) {
            byMonth.computeIfAbsent(List.of(ch.period(), ch.specialty()), k -> new TreeSet<>()).add(ch.creditCode());
        }
        for (Map.Entry<List<String>, Set<String>> e : byMonth.entrySet()) {
            reopen(c, e.getKey().get(0), e.getKey().get(1), e.getValue(), reason);
        }
    }

    private void reopen(Connection c, String period, String specialty, Set<String> codes, String reason)
            throws SQLException {
        String[] st = PeriodTable.read(c, period, specialty);
        String status = st == null ? "collecting" : st[0];
        boolean published = status.equals("evaluated") || status.equals("released");
        Map<String, EvaluationTable.Row> evaluations = EvaluationTable.read(c, period, specialty);
        if (!published && evaluations.values().stream().noneMatch(r -> r.result().equals("passed"))) {
            return; // nothing was evaluated yet: the figures change before anyone judged them
        }
        if (status.equals("released") && refuseReleased) {
            throw new BadInputException("报告期 " + period + " " + specialty + " 已发布：本局设置不接受已发布月份的数据修改"
                    + " (revisions of a released month are refused: releasedRevisions=refuse in "
                    + "etc/org.statdesk.review.gate.cfg); nothing was changed");
        }
        Map<String, Unit> units = scope.units(specialty);
        Map<String, Integer> byCounty = new TreeMap<>();
        for (String code : codes) {
            Unit u = units.get(code);
            byCounty.merge(u == null ? "?" : u.countyCode(), 1, Integer::sum);
        }
        boolean reopened = false;
        for (Map.Entry<String, Integer> e : byCounty.entrySet()) {
            EvaluationTable.Row was = evaluations.get(e.getKey());
            boolean passed = was != null && was.result().equals("passed");
            if (!published && !passed) {
                continue; // pending or returned to the county: its changes are what was asked for
            }
            String why = e.getValue() + " 家单位的数据在" + (status.equals("released") ? "发布" : "评估") + "后修改，重新评估"
                    + " (figures of " + e.getValue() + " unit(s) changed after " + (passed ? "evaluation" : status)
                    + ")" + (reason == null || reason.isBlank() ? "" : "：" + reason);
            EvaluationTable.write(c, period, specialty, new EvaluationTable.Row(e.getKey(), "reopened", why,
                    was == null ? null : was.checks(), was == null ? null : was.evaluator(), null));
            journal.recordRow(c, EvaluationTable.NAME, EvaluationTable.key(period, specialty, e.getKey()), "result",
                    was == null ? null : was.result(), "reopened", why);
            reopened = true;
        }
        if (reopened && !status.equals("collecting")) {
            String note = "重新打开：评估后数据修改 (reopened: figures changed after evaluation)";
            PeriodTable.write(c, period, specialty, "collecting", note);
            journal.recordRow(c, PeriodTable.NAME, PeriodTable.key(period, specialty), "status", status, "collecting",
                    note + (reason == null || reason.isBlank() ? "" : "：" + reason));
        }
    }
}
