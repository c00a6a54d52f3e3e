package org.statdesk.registry.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.statdesk.api.command.InputError;
import org.statdesk.api.input.Columns;
import org.statdesk.api.input.Inputs;

/**
 * The register file's columns (名录库字段) and the headers platform exports and Excel files give them: the register
 * declares its own fields' aliases. Revenue in 万元 or 元 is scaled into 千元; a 12-digit division code (village,
 * 村级) is read as its township, its first 9 digits.
 */
final class RegisterColumns {
    static final List<Columns.Field> REQUIRED = List.of(Columns.CREDIT_CODE,
            new Columns.Field("name", null, List.of("单位详细名称", "单位名称", "详细名称")),
            new Columns.Field("division_code", null, List.of("行政区划代码", "区划代码", "统计用区划代码", "所在地区划代码")),
            new Columns.Field("industry_code", null, List.of("行业代码", "国民经济行业代码", "行业小类代码")),
            new Columns.Field("revenue", Columns.THOUSAND_YUAN, List.of("营业收入", "主营业务收入", "上年营业收入")),
            new Columns.Field("qualification", null, List.of("资质等级")),
            new Columns.Field("address", null, List.of("详细地址", "单位地址")),
            new Columns.Field("statistician", null, List.of("统计人员", "统计负责人", "填表人")),
            new Columns.Field("phone", null, List.of("联系电话", "电话")));
    static final Columns.Field SCALE = new Columns.Field("scale", null, List.of("规模"));
    private static final List<Columns.Field> ALL;
    private static final String CODES;

    static {
        List<Columns.Field> all = new ArrayList<>(REQUIRED);
        all.add(SCALE);
        ALL = List.copyOf(all);
        CODES = String.join(",", REQUIRED.stream().map(Columns.Field::code).toList());
    }

    private RegisterColumns() {
    }

    /** A header read: which field each column is (null: ignored), and the columns ignored. */
    static final class Layout {
        private final Columns.Column[] columns;
        private final List<String> ignored;

        Layout(Columns.Column[] columns, List<String> ignored) {
            this.columns = columns;
            this.ignored = ignored;
        }

        int size() {
            return columns.length;
        }

        List<String> ignored() {
            return ignored;
        }

        /** A sheet row padded to the header's width (Excel leaves trailing blank cells out); null if it is wider. */
        List<String> fit(List<String> cells) {
            if (cells.size() > columns.length) {
                for (int i = columns.length; i < cells.size(); i++) {
                    if (!cells.get(i).isBlank()) {
                        return null;
                    }
                }
                return cells.subList(0, columns.length);
            }
            List<String> out = new ArrayList<>(cells);
            while (out.size() < columns.length) {
                out.add("");
            }
            return out;
        }

        /** The record's values by field code, scaled into the field's unit, a village code cut to its township. */
        Map<String, String> values(List<String> cells) {
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < columns.length; i++) {
                Columns.Column c = columns[i];
                if (c != null) {
                    String v = c.value(cells.get(i));
                    if ("division_code".equals(c.field().code())) {
                        v = township(v);
                    }
                    values.put(c.field().code(), v);
                }
            }
            return values;
        }
    }

    /** A 12-digit statistical division code (village) as its township's 9 digits; anything else as it is. */
    static String township(String code) {
        String t = code == null ? null : code.strip();
        return t != null && t.length() == 12 && t.chars().allMatch(ch -> ch >= '0' && ch <= '9') ? t.substring(0, 9)
                : code;
    }

    /**
     * Reads the header on {@code line}: missing required columns, a column twice, a unit that does not fit and an
     * unknown English code are errors (a misspelt code would drop a field unseen); other columns are ignored.
     */
    static Layout header(List<String> cells, int line, ErrorList errors) {
        Columns.Header h = Columns.match(cells, ALL);
        boolean chinese = cells.stream().anyMatch(c -> c.chars().anyMatch(ch -> ch >= 0x2E80));
        for (Columns.Field f : REQUIRED) {
            if (!h.has(f.code())) {
                errors.add(new InputError(line, f.code(), null, Columns.missing("缺少必需的列 "
                        + (chinese ? f.title() + "（" + f.code() + "）" : f.code()), f, cells)));
            }
        }
        for (Columns.Problem p : h.problems()) {
            errors.add(new InputError(line, p.field(), Inputs.shown(p.header()), p.message()));
        }
        for (String code : h.unknownCodes()) {
            errors.add(new InputError(line, code, code, "未知的列（可用列：" + CODES + ",scale）"));
        }
        Columns.Column[] columns = new Columns.Column[cells.size()];
        h.columns().values().forEach(c -> columns[c.index()] = c);
        return new Layout(columns, h.ignored());
    }
}
