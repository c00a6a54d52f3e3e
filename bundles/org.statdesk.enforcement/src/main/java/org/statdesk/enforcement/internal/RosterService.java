package org.statdesk.enforcement.internal;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.audit.Journal;
import org.statdesk.api.command.InputError;
import org.statdesk.api.input.Inputs.InvalidValueException;
import org.statdesk.api.input.TableFiles;

/** The roster: its import (all or nothing), its list and the pass rate. */
@Component(service = Roster.class)
public final class RosterService implements Roster {
    private final Schema schema;
    private final Journal journal;
    private final Bureau bureau;
    private final TableFiles tables;

    @Activate
    public RosterService(@Reference Schema schema, @Reference Journal journal, @Reference Bureau bureau,
            @Reference TableFiles tables) {
        this.schema = schema;
        this.journal = journal;
        this.bureau = bureau;
        this.tables = tables;
    }

    @Override
    public ImportResult importCsv(Path file, String sheet) throws Exception {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw Inputs.bad(InputError.of("file", file.toString(), "文件不存在"));
        }
        boolean workbook = TableFiles.kind(bytes.length > 8 ? java.util.Arrays.copyOf(bytes, 8) : bytes).workbook();
        List<String> ignored = new ArrayList<>();
        Errors errors = new Errors();
        List<Inspector> parsed = new ArrayList<>();
        Map<String, Integer> certLine = new HashMap<>();
        LocalDate today = bureau.today();
        RosterFile.RowHandler each = (line, row) -> {
            Inspector i = inspector(line, row, today, certLine, errors);
            if (errors.isEmpty()) {
                parsed.add(i); // once a row is wrong nothing is imported: the rest are only checked
            }
        };
        int rows = workbook ? RosterFile.readSheet(tables, file, sheet, errors, each, ignored)
                : RosterFile.read(bytes, errors, each, ignored);
        if (rows == 0 && errors.isEmpty()) {
            errors.add(2, null, null, "文件只有表头，没有执法人员：不能用空名单替换现有名单");
        }
        errors.throwIfAny();
        return schema.store().inTransaction(c -> {
            List<String> old = InspectorTable.ids(c);
            InspectorTable.deleteAll(c);
            if (!old.isEmpty()) {
                journal.recordRows(c, InspectorTable.TABLE, old, "delete", "roster replaced by import of "
                        + file.getFileName());
            }
            InspectorTable.insert(c, parsed);
            journal.recordRows(c, InspectorTable.TABLE, InspectorTable.ids(c), "import", "roster import of "
                    + file.getFileName());
            int certified = (int) parsed.stream().filter(i -> i.certificateNo() != null).count();
            return new ImportResult(file.toString(), parsed.size(), old.size(), certified, passRate(parsed),
                    List.copyOf(ignored));
        });
    }

    /** One row as an inspector; what is wrong with it goes to {@code errors}, naming line and column. */
    private Inspector inspector(int line, Map<String, String> row, LocalDate today, Map<String, Integer> certLine,
            Errors errors) {
        String name = text(line, "name", row.get("name"), InspectorTable.NAME, errors);
        if (name == null) {
            name = ""; // refused already: not also reported as empty
        } else if (name.isBlank()) {
            errors.add(line, "name", name, "姓名不能为空");
        }
        String cert = text(line, "certificate_no", row.get("certificate_no"), InspectorTable.CERTIFICATE_NO, errors);
        cert = cert == null ? "" : cert;
        // '|' and ';' separate the inspectors stored with a draw
        for (String[] f : new String[][] {{"name", name}, {"certificate_no", cert}}) {
            if (f[1].contains("|") || f[1].contains(";")) {
                errors.add(line, f[0], f[1], "不能包含 | 或 ;");
            }
        }
        String county = row.get("county_code");
        if (!county.matches("\\d{6}") || !bureau.isCityOrCounty(county)) {
            errors.add(line, "county_code", county, "应为本市（" + bureau.cityCode() + "）或其所辖县区的 6 位代码");
        }
        String dateText = row.get("certificate_date");
        LocalDate date = null;
        if (!cert.isBlank()) {
            Integer first = certLine.putIfAbsent(cert, line);
            if (first != null) {
                errors.add(line, "certificate_no", cert, "执法证号与第 " + first + " 行重复");
            }
            try {
                date = org.statdesk.api.input.Inputs.pastDate(dateText, today);
            } catch (InvalidValueException e) {
                errors.add(line, "certificate_date", dateText, "发证日期有误：" + e.getMessage());
            }
        } else if (!dateText.isBlank()) {
            errors.add(line, "certificate_date", dateText, "没有执法证号却填了发证日期");
        }
        String specialty = text(line, "specialty", row.get("specialty"), InspectorTable.SPECIALTY, errors);
        Boolean required = examRequired(row.getOrDefault("exam_required", ""));
        if (required == null) {
            errors.add(line, "exam_required", row.get("exam_required"), "应为 是/否（yes/no、1/0），空为是");
        }
        return new Inspector(0, name.strip(), cert.isBlank() ? null : cert, date, county, specialty,
                required == null || required);
    }

    /** Free text of a cell: no control characters, no longer than its column; else an error and null. */
    private static String text(int line, String field, String value, int max, Errors errors) {
        try {
            return org.statdesk.api.input.Inputs.text(value, max);
        } catch (InvalidValueException e) {
            errors.add(line, field, value, e.getMessage());
            return null;
        }
    }

    private static Boolean examRequired(String s) {
        String v = s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "", "是", "y", "yes", "true", "1" -> true;
            case "否", "n", "no", "false", "0" -> false;
            default -> null;
        };
    }

    @Override
    public List<Inspector> list(String county) throws Exception {
        try (Connection c = schema.store().connection()) {
            return InspectorTable.list(c, county);
        }
    }

    @Override
    public PassRate passRate(List<Inspector> staff) {
        int required = 0;
        int passed = 0;
        for (Inspector i : staff) {
            if (i.examRequired()) {
                required++;
                if (i.certificateNo() != null) {
                    passed++;
                }
            }
        }
        double target = bureau.settings().passTarget();
        Double rate = required == 0 ? null : (double) passed / required;
        return new PassRate(required, passed, rate, target, rate != null && rate >= target - 1e-12);
    }

    @Override
    public List<DrawEngine.Inspector> certified(LocalDate day) throws Exception {
        List<DrawEngine.Inspector> out = new ArrayList<>();
        for (Inspector i : list(null)) {
            if (i.certificateNo() != null && !i.certificateDate().isAfter(day)) {
                out.add(new DrawEngine.Inspector(i.certificateNo(), i.name(), i.countyCode()));
            }
        }
        return out;
    }
}
