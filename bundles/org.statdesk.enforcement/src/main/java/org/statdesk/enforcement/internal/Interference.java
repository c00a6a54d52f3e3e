package org.statdesk.enforcement.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.statdesk.api.command.InputError;

/**
 * The register of officials' improper interference in statistical work (领导干部违规干预统计工作记录), kept by quarter;
 * its quarterly report says plainly when nothing was recorded (零报告).
 */
final class Interference {
    static final String TABLE = "enf_interference";
    static final List<String> COLUMNS = List.of("quarter", "entry_date", "official", "target", "request",
            "action_taken", "recorded_by");

    record Entry(long id, String quarter, String date, String official, String target, String request,
            String actionTaken, String recordedBy) {
    }

    record Report(String quarter, int count, String statement, List<Entry> entries) {
    }

    private final Ctx ctx;

    Interference(Ctx ctx) {
        this.ctx = ctx;
    }

    Entry record(String quarter, LocalDate date, String official, String target, String request, String action)
            throws Exception {
        int[] q = Inputs.quarter(quarter);
        String qn = q[0] + "Q" + q[1];
        List<InputError> errors = new ArrayList<>();
        if (!Inputs.quarterOf(date).equals(qn)) {
            errors.add(InputError.of("date", date.toString(), "日期不在 " + qn + " 季度内"));
        }
        if (date.isAfter(ctx.today().get())) {
            errors.add(InputError.of("date", date.toString(), "日期晚于今天"));
        }
        for (String[] f : new String[][] {{"official", official}, {"target", target}, {"request", request},
                {"action", action}}) {
            if (f[1] == null || f[1].isBlank()) {
                errors.add(InputError.of(f[0], f[1], "不能为空（干预人、涉及单位或数据、干预要求、处理情况都要记录）"));
            }
        }
        Inputs.fail(errors);
        String user = ctx.journal().currentUser();
        long id = ctx.store().inTransaction(c -> {
            long newId;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO enf_interference (quarter, entry_date, "
                    + "official, target, request, action_taken, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, qn);
                ps.setObject(2, date);
                ps.setString(3, official.strip());
                ps.setString(4, target.strip());
                ps.setString(5, request.strip());
                ps.setString(6, action.strip());
                ps.setString(7, user);
                ps.executeUpdate();
                try (ResultSet k = ps.getGeneratedKeys()) {
                    k.next();
                    newId = k.getLong(1);
                }
            }
            ctx.journal().recordRow(c, TABLE, String.valueOf(newId), "entry", null,
                    official.strip() + "：" + request.strip(), "领导干部违规干预统计工作记录 " + qn);
            return newId;
        });
        return entries("id = ?", id).get(0);
    }

    Report report(String quarter) throws Exception {
        int[] q = Inputs.quarter(quarter);
        String qn = q[0] + "Q" + q[1];
        List<Entry> entries = entries("quarter = ?", qn);
        String label = q[0] + " 年第 " + q[1] + " 季度";
        String statement = entries.isEmpty()
                ? label + "未记录领导干部违规干预统计工作和“跑数要数”情况（零报告）。"
                : label + "记录领导干部违规干预统计工作情况 " + entries.size() + " 起，详见下表。";
        return new Report(qn, entries.size(), statement, entries);
    }

    private List<Entry> entries(String where, Object param) throws Exception {
        List<Entry> out = new ArrayList<>();
        try (Connection c = ctx.store().connection(); PreparedStatement ps = c.prepareStatement("SELECT id, quarter, "
                + "entry_date, official, target, request, action_taken, recorded_by FROM enf_interference WHERE "
                + where + " ORDER BY entry_date, id")) {
            ps.setObject(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Entry(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class).toString(),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)));
                }
            }
        }
        return out;
    }
}
