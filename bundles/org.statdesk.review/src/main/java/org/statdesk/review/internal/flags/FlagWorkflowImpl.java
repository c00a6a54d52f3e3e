package org.statdesk.review.internal.flags;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.audit.Journal;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.command.NotPermittedException;
import org.statdesk.api.review.Flag;
import org.statdesk.api.store.Store;
import org.statdesk.review.internal.Engine;
import org.statdesk.review.internal.FormSpec;
import org.statdesk.review.internal.evaluation.Gate;
import org.statdesk.review.internal.forms.FormCatalogue;
import org.statdesk.review.internal.scope.ReviewScope;
import org.statdesk.review.internal.tables.FlagTable;
import org.statdesk.review.internal.tables.FormSlotTable;
import org.statdesk.review.internal.tables.ReportTable;
import org.statdesk.review.internal.tables.ReviewSchema;
import org.statdesk.review.internal.tables.Sql;

/** Reads the flags and moves them on in their workflow, each step journaled with its text or reason. */
@Component(service = FlagWorkflow.class)
public final class FlagWorkflowImpl implements FlagWorkflow {
    /** The largest figure Inputs.decimal accepts. */
    private static final double MAX_FIGURE = 1e15;
    private static final Set<String> SETTLED = Set.of("explained", "corrected", "confirmed");
    private final Store store;
    private final Journal journal;
    private final FormCatalogue forms;
    private final ReviewScope scope;
    private final Gate gate;

    @Activate
    public FlagWorkflowImpl(@Reference ReviewSchema schema, @Reference Journal journal,
            @Reference FormCatalogue forms, @Reference ReviewScope scope, @Reference Gate gate) {
        this.gate = gate;
        this.store = schema.store();
        this.journal = journal;
        this.forms = forms;
        this.scope = scope;
    }

    /** The flags the person working may see: of their county's units, or of their specialty. */
    @Override
    public List<Flag> flags(String period, String specialty) {
        Predicate<String> visible = scope.visible(specialty);
        try (Connection c = store.connection()) {
            List<Flag> out = new java.util.ArrayList<>(FlagTable.list(c, period, specialty));
            out.removeIf(f -> !visible.test(f.creditCode()));
            out.sort(Engine.ORDER);
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The permission each action needs (the matrix: explain and correct the county's, confirm and close the section's). */
    static String permission(String action) {
        return switch (action == null ? "" : action) {
            case "explain", "explained" -> "review.flag.explain";
            case "correct", "corrected" -> "review.flag.correct";
            case "confirm", "confirmed" -> "review.flag.confirm";
            case "close", "closed" -> "review.flag.close";
            default -> throw new BadInputException("action must be explain, correct, confirm or close, not '"
                    + action + "'");
        };
    }

    @Override
    public Flag resolve(long flagId, String action, String text, Double revisedValue, String reason) {
        scope.require(permission(action));
        try {
            return store.inTransaction(c -> {
                FlagTable.Found found = FlagTable.find(c, flagId);
                if (found == null) {
                    throw new BadInputException("no flag " + flagId);
                }
                Flag f = found.flag();
                scope.requireUnit(f.creditCode());
                String to;
                String note = text;
                switch (action) {
                    case "explain": case "explained":
                        requireOpen(f);
                        if (text == null || text.isBlank()) {
                            throw new BadInputException("an explanation needs --text (the unit's explanation)");
                        }
                        to = "explained";
                        break;
                    case "confirm": case "confirmed":
                        requireOpen(f);
                        to = "confirmed";
                        break;
                    case "correct": case "corrected":
                        requireOpen(f);
                        if (revisedValue == null || reason == null || reason.isBlank()) {
                            throw new BadInputException("a correction needs --value (the revised figure) and --reason");
                        }
                        revise(c, f, found.form(), revisedValue, reason);
                        to = "corrected";
                        note = text == null ? reason : text;
                        break;
                    case "close": case "closed":
                        if (!SETTLED.contains(f.status())) {
                            throw new BadInputException("flag " + flagId + " is " + f.status()
                                    + ": only an explained, corrected or confirmed flag can be closed");
                        }
                        to = "closed";
                        note = null;
                        break;
                    default:
                        throw new BadInputException("action must be explain, correct, confirm or close, not '"
                                + action + "'");
                }
                FlagTable.setStatus(c, flagId, to, note);
                journal.recordRow(c, FlagTable.NAME, String.valueOf(flagId), "status", f.status(), to,
                        note == null ? reason : note);
                return new Flag(f.id(), f.creditCode(), f.period(), f.indicator(), f.rule(), f.kind(), f.severity(),
                        f.value(), f.expected(), f.score(), f.message(), to);
            });
        } catch (BadInputException | NotPermittedException | IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void requireOpen(Flag f) {
        if (!f.status().equals("open")) {
            throw new BadInputException("flag " + f.id() + " is " + f.status() + ", not open");
        }
    }

    /** A corrected figure (数据修正): the report is revised with its reason and the old value journaled. */
    private void revise(Connection c, Flag f, String form, double value, String reason) throws SQLException {
        // whoever calls (a command, a view): NaN or 1e308 would turn the county and city totals into nonsense
        if (!Double.isFinite(value) || Math.abs(value) > MAX_FIGURE) {
            throw new BadInputException("the revised figure must be a number of at most " + MAX_FIGURE
                    + " in absolute value");
        }
        FormSpec spec = forms.byCode(form).orElseThrow(() -> new BadInputException("form " + form
                + " is not enabled"));
        Integer slot = FormSlotTable.read(c, spec.code()).get(f.indicator());
        if (slot == null) {
            throw new BadInputException("indicator " + f.indicator() + " has no column");
        }
        Double old = null;
        try (PreparedStatement ps = c.prepareStatement(ReportTable.selectFigure(slot))) {
            ps.setString(1, f.period());
            ps.setString(2, f.creditCode());
            ps.setString(3, form);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    old = Sql.getNullable(rs, 1);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(ReportTable.reviseFigure(slot))) {
            ps.setDouble(1, value);
            ps.setString(2, f.period());
            ps.setString(3, f.creditCode());
            ps.setString(4, form);
            ps.executeUpdate();
        }
        journal.recordRow(c, ReportTable.NAME, ReportTable.key(f.period(), f.creditCode(), form), f.indicator(),
                old == null ? null : Sql.text(old), Sql.text(value), reason);
        gate.changed(c, List.of(new Gate.Change(f.period(), spec.specialty(), f.creditCode())), reason);
    }
}
