package org.statdesk.review.internal.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.statdesk.api.command.InputError;
import org.statdesk.api.input.Columns;
import org.statdesk.api.input.Inputs;
import org.statdesk.api.review.Indicator;
import org.statdesk.review.internal.FormSpec;

/**
 * A report table given row by row (a workbook's sheet, or a CSV whose header is not all indicator codes): the header
 * matched by {@link Columns} against the keys and every enabled form's indicators (their Chinese names and the aliases
 * their specialty declares), a money column in 万元 or 元 scaled into 千元. Columns that name nothing known are
 * ignored and listed; an English code that is no indicator stays a column, judged row by row as in a CSV.
 */
final class ReportRows {
    static final Columns.Field INDICATOR = new Columns.Field("indicator", null, List.of("指标", "指标代码"));
    static final Columns.Field VALUE = new Columns.Field("value", null, List.of("数值", "指标值"));

    private final ErrorList errors;
    private final List<Columns.Field> fields;
    private final List<ReportFile.Value> out = new ArrayList<>();
    private final List<String> ignored = new ArrayList<>();
    private Columns.Column code;
    private Columns.Column period;
    private Columns.Column date;
    private Columns.Column indicator;
    private Columns.Column value;
    /** Wide form: the indicator columns, with their codes (an unknown English code is its own). */
    private final List<Columns.Column> wide = new ArrayList<>();
    private boolean headerRead;

    ReportRows(List<FormSpec> forms, ErrorList errors) {
        this.errors = errors;
        Map<String, Columns.Field> byCode = new LinkedHashMap<>();
        for (Columns.Field f : List.of(Columns.CREDIT_CODE, Columns.PERIOD, Columns.REPORTED_ON, INDICATOR, VALUE)) {
            byCode.put(f.code(), f);
        }
        for (FormSpec f : forms) {
            for (Indicator i : f.indicators()) {
                List<String> names = new ArrayList<>();
                names.add(i.name());
                names.addAll(i.aliases());
                byCode.putIfAbsent(i.code(), new Columns.Field(i.code(), i.unit(), names));
            }
        }
        this.fields = List.copyOf(byCode.values());
    }

    boolean headerRead() {
        return headerRead;
    }

    List<ReportFile.Value> values() {
        return out;
    }

    List<String> ignored() {
        return List.copyOf(ignored);
    }

    /** Reads the header on {@code line}; false (with errors) when it lacks a key column or a column does not fit. */
    boolean header(int line, List<String> cells) {
        headerRead = true;
        Columns.Header h = Columns.match(cells, fields);
        for (Columns.Problem p : h.problems()) {
            errors.add(new InputError(line, p.field(), Inputs.shown(p.header()), p.message()));
        }
        for (Columns.Field need : List.of(Columns.CREDIT_CODE, Columns.PERIOD)) {
            if (!h.has(need.code())) {
                errors.add(new InputError(line, need.code(), null, Columns.missing("缺少列 " + need.title() + "（"
                        + need.code() + "）", need, cells)));
            }
        }
        boolean longForm = h.has("indicator") || h.has("value");
        if (longForm && !(h.has("indicator") && h.has("value"))) {
            errors.add(new InputError(line, "indicator", null, "长表需要 indicator 和 value 两列"));
        }
        ignored.addAll(h.ignored());
        if (!errors.isEmpty()) {
            return false;
        }
        code = h.columns().get("credit_code");
        period = h.columns().get("period");
        date = h.columns().get("reported_on");
        indicator = h.columns().get("indicator");
        value = h.columns().get("value");
        if (longForm) {
            ignored.addAll(h.unknownCodes());
            return true;
        }
        for (Columns.Column c : h.columns().values()) {
            if (c != code && c != period && c != date) {
                wide.add(c);
            }
        }
        // An unknown English code stays a column, judged row by row; so does every other column of a file that names
        // no indicator at all: importing nothing from it would hide that none of its columns was understood.
        boolean none = wide.isEmpty() && h.unknownCodes().isEmpty();
        for (int i = 0; i < cells.size(); i++) {
            String n = Columns.normalise(cells.get(i)).name();
            if (h.unknownCodes().contains(n) || none && !n.isEmpty() && !isKey(h, i)) {
                String asWritten = h.unknownCodes().contains(n) ? n : cells.get(i).strip();
                wide.add(new Columns.Column(i, cells.get(i), null, new Columns.Field(asWritten, null, List.of()),
                        java.math.BigDecimal.ONE));
            }
        }
        if (none) {
            ignored.clear();
        }
        return true;
    }

    private static boolean isKey(Columns.Header h, int index) {
        return h.columns().values().stream().anyMatch(c -> c.index() == index);
    }

    /** One data row: its values (a wide row's empty cells are figures not reported). */
    void row(int line, List<String> cells) {
        String c = cell(cells, code);
        String p = cell(cells, period);
        String d = date == null ? null : cell(cells, date);
        if (indicator != null) {
            out.add(new ReportFile.Value(line, c, p, cell(cells, indicator), cell(cells, value), d));
            return;
        }
        for (Columns.Column col : wide) {
            String v = cell(cells, col);
            if (!v.isEmpty()) {
                out.add(new ReportFile.Value(line, c, p, col.field().code(), col.value(v), d));
            }
        }
    }

    private static String cell(List<String> cells, Columns.Column c) {
        return c.index() < cells.size() ? cells.get(c.index()).strip() : "";
    }
}
