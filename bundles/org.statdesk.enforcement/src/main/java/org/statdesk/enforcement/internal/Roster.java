package org.statdesk.enforcement.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.statdesk.api.command.InputError;

/** The inspector roster (执法人员名录) and the certificate exam pass rate (执法证考试合格率). */
final class Roster {
    static final String TABLE = "enf_inspector";
    static final List<String> COLUMNS = List.of("name", "certificate_no", "certificate_date", "county_code",
            "specialty", "exam_required");

    record Inspector(long id, String name, String certificateNo, LocalDate certificateDate, String countyCode,
            String specialty, boolean examRequired) {
    }

    /**
     * An inspector as commands show it: the certificate date as ISO text, since the runtime's JSON writer has no
     * java.time support.
     */
    record InspectorJson(long id, String name, String certificateNo, String certificateDate, String countyCode,
            String specialty, boolean examRequired) {
        static InspectorJson of(Inspector i) {
            return new InspectorJson(i.id(), i.name(), i.certificateNo(),
                    i.certificateDate() == null ? null : i.certificateDate().toString(), i.countyCode(),
                    i.specialty(), i.examRequired());
        }
    }

    /** Of the staff required to sit the exam, how many hold a certificate, against the target. */
    record PassRate(int required, int passed, Double rate, double target, boolean met) {
    }

    record ImportResult(String file, int imported, int replaced, int certified, PassRate passRate) {
    }

    private final Ctx ctx;

    Roster(Ctx ctx) {
        this.ctx = ctx;
    }

    /** Replaces the roster with the file's rows, all or nothing. */
    ImportResult importCsv(Path file) throws Exception {
        List<Map<String, String>> rows = Inputs.csv(file, List.of("name", "certificate_no", "certificate_date",
                "county_code", "specialty"));
        List<InputError> errors = new ArrayList<>();
        List<Inspector> parsed = new ArrayList<>();
        Map<String, Integer> certLine = new HashMap<>();
        LocalDate today = ctx.today().get();
        for (Map<String, String> row : rows) {
            int line = Integer.parseInt(row.get("#line"));
            String name = row.get("name");
            if (name.isBlank()) {
                errors.add(new InputError(line, "name", name, "姓名不能为空"));
            }
            // '|' and ';' separate the inspectors stored with a draw
            for (String f : List.of("name", "certificate_no")) {
                if (row.get(f).contains("|") || row.get(f).contains(";")) {
                    errors.add(new InputError(line, f, row.get(f), "不能包含 | 或 ;"));
                }
            }
            String county = row.get("county_code");
            if (!county.matches("\\d{6}") || !ctx.isCityOrCounty(county)) {
                errors.add(new InputError(line, "county_code", county, "应为本市（" + ctx.cityCode()
                        + "）或其所辖县区的 6 位代码"));
            }
            String cert = row.get("certificate_no");
            LocalDate date = null;
            if (!cert.isBlank()) {
                Integer first = certLine.putIfAbsent(cert, line);
                if (first != null) {
                    errors.add(new InputError(line, "certificate_no", cert, "执法证号与第 " + first + " 行重复"));
                }
                date = Inputs.date("certificate_date", row.get("certificate_date"), line, errors);
                if (date != null && date.isAfter(today)) {
                    errors.add(new InputError(line, "certificate_date", row.get("certificate_date"),
                            "发证日期晚于今天"));
                }
            } else if (!row.get("certificate_date").isBlank()) {
                errors.add(new InputError(line, "certificate_date", row.get("certificate_date"),
                        "没有执法证号却填了发证日期"));
            }
            Boolean required = examRequired(row.getOrDefault("exam_required", ""));
            if (required == null) {
                errors.add(new InputError(line, "exam_required", row.get("exam_required"),
                        "应为 是/否（yes/no、1/0），空为是"));
            }
            parsed.add(new Inspector(0, name.strip(), cert.isBlank() ? null : cert, date, county,
                    row.get("specialty"), required == null || required));
        }
        Inputs.fail(errors);
        return ctx.store().inTransaction(c -> {
            List<String> old = ids(c);
            try (Statement st = c.createStatement()) {
                st.executeUpdate("DELETE FROM enf_inspector");
            }
            if (!old.isEmpty()) {
                ctx.journal().recordRows(c, TABLE, old, "delete", "roster replaced by import of " + file.getFileName());
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO enf_inspector (name, certificate_no, "
                    + "certificate_date, county_code, specialty, exam_required) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (Inspector i : parsed) {
                    ps.setString(1, i.name());
                    ps.setString(2, i.certificateNo());
                    if (i.certificateDate() == null) {
                        ps.setNull(3, Types.DATE);
                    } else {
                        ps.setObject(3, i.certificateDate());
                    }
                    ps.setString(4, i.countyCode());
                    ps.setString(5, i.specialty());
                    ps.setBoolean(6, i.examRequired());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            ctx.journal().recordRows(c, TABLE, ids(c), "import", "roster import of " + file.getFileName());
            int certified = (int) parsed.stream().filter(i -> i.certificateNo() != null).count();
            return new ImportResult(file.toString(), parsed.size(), old.size(), certified, passRate(parsed));
        });
    }

    private static Boolean examRequired(String s) {
        String v = s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "", "是", "y", "yes", "true", "1" -> true;
            case "否", "n", "no", "false", "0" -> false;
            default -> null;
        };
    }

    private static List<String> ids(Connection c) throws Exception {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id FROM enf_inspector")) {
            while (rs.next()) {
                out.add(String.valueOf(rs.getLong(1)));
            }
        }
        return out;
    }

    List<Inspector> list(String county) throws Exception {
        List<Inspector> out = new ArrayList<>();
        // two statements rather than "? IS NULL OR ...": PostgreSQL cannot type an untyped null parameter
        String sql = "SELECT id, name, certificate_no, certificate_date, county_code, specialty, exam_required "
                + "FROM enf_inspector" + (county == null ? "" : " WHERE county_code = ?") + " ORDER BY county_code, id";
        try (Connection c = ctx.store().connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (county != null) {
                ps.setString(1, county);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Inspector(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6), rs.getBoolean(7)));
                }
            }
        }
        return out;
    }

    PassRate passRate(List<Inspector> staff) {
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
        double target = ctx.settings().get().passTarget();
        Double rate = required == 0 ? null : (double) passed / required;
        return new PassRate(required, passed, rate, target, rate != null && rate >= target - 1e-12);
    }

    /** The inspectors who may be drawn on {@code day}: certified on or before it. */
    List<DrawEngine.Inspector> certified(LocalDate day) throws Exception {
        List<DrawEngine.Inspector> out = new ArrayList<>();
        for (Inspector i : list(null)) {
            if (i.certificateNo() != null && !i.certificateDate().isAfter(day)) {
                out.add(new DrawEngine.Inspector(i.certificateNo(), i.name(), i.countyCode()));
            }
        }
        return out;
    }
}
