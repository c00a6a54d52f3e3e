package org.statdesk.enforcement.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.command.InputError;
import org.statdesk.api.registry.Unit;
import org.statdesk.enforcement.internal.DrawEngine.Target;

/** Checks of drawn targets (检查) with their checklist findings, and violation cases (统计违法案件). */
final class Cases {
    static final String CHECK_TABLE = "enf_check";
    static final List<String> CHECK_COLUMNS = List.of("draw_id", "target_code", "county_code", "check_date",
            "failed_items", "note", "recorded_by");
    static final String CASE_TABLE = "enf_case";
    static final List<String> CASE_COLUMNS = List.of("unit_code", "county_code", "violation", "facts", "decision",
            "penalty", "filed_on", "deadline", "status", "check_id", "closed_on");

    /** The checklist (检查清单): item code to what is checked. */
    static final Map<String, String> CHECKLIST = new LinkedHashMap<>();
    static {
        CHECKLIST.put("lawful_reporting", "依法如实、按时报送统计资料");
        CHECKLIST.put("records_agree", "原始记录、统计台账与统计报表一致");
        CHECKLIST.put("ledger_kept", "建立规范的统计台账和凭证档案");
        CHECKLIST.put("statistician", "统计人员在岗，变动已报备");
        CHECKLIST.put("size_true", "规模、行业等入库信息真实（无虚报规模）");
        CHECKLIST.put("no_interference", "无领导干部违规干预、无跑数要数");
    }

    /** Violation kinds: code to Chinese term. */
    static final Map<String, String> VIOLATIONS = new LinkedHashMap<>();
    static {
        VIOLATIONS.put("late", "迟报");
        VIOLATIONS.put("refused", "拒报");
        VIOLATIONS.put("concealed", "瞒报");
        VIOLATIONS.put("false", "虚报");
        VIOLATIONS.put("falsified", "伪造篡改");
    }

    /** Case status: 立案 filed → 已作出处理决定 decided → 结案 closed. */
    static final List<String> STATUSES = List.of("filed", "decided", "closed");

    record Finding(String item, String description, boolean passed) {
    }

    record CheckJson(long id, long drawId, String targetCode, String countyCode, String date, List<Finding> findings,
            String note, List<Long> ledgerItems) {
    }

    record CaseJson(long id, String unitCode, String unitName, String countyCode, String violation,
            String violationName, String facts, String decision, String penalty, String filedOn, String deadline,
            String status, Long checkId, String closedOn, boolean overdue) {
    }

    private final Ctx ctx;
    private final Draws draws;
    private final Ledger ledger;

    Cases(Ctx ctx, Draws draws, Ledger ledger) {
        this.ctx = ctx;
        this.draws = draws;
        this.ledger = ledger;
    }

    /** Records a check; each failed item opens a rectification item for the target, due by {@code deadline}. */
    CheckJson recordCheck(long drawId, String code, LocalDate date, List<String> failed, String note,
            LocalDate deadline) throws Exception {
        Target t = draws.target(drawId, code, date);
        List<InputError> errors = new ArrayList<>();
        for (String f : failed) {
            if (!CHECKLIST.containsKey(f)) {
                errors.add(InputError.of("fail", f, "未知的检查项；可选：" + String.join("、", CHECKLIST.keySet())));
            }
        }
        if (date.isAfter(ctx.today().get())) {
            errors.add(InputError.of("date", date.toString(), "检查日期晚于今天"));
        }
        if (deadline != null && deadline.isBefore(date)) {
            errors.add(InputError.of("deadline", deadline.toString(), "整改期限早于检查日期"));
        }
        Inputs.fail(errors);
        String user = ctx.journal().currentUser();
        List<Long> items = new ArrayList<>();
        long id = ctx.store().inTransaction(c -> {
            long checkId;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO enf_check (draw_id, target_code, county_code, "
                    + "check_date, failed_items, note, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, drawId);
                ps.setString(2, t.code());
                ps.setString(3, t.countyCode());
                ps.setObject(4, date);
                ps.setString(5, String.join(",", failed));
                ps.setString(6, note);
                ps.setString(7, user);
                ps.executeUpdate();
                try (ResultSet k = ps.getGeneratedKeys()) {
                    k.next();
                    checkId = k.getLong(1);
                }
            }
            ctx.journal().recordRow(c, CHECK_TABLE, String.valueOf(checkId), "check", null,
                    failed.isEmpty() ? "all passed" : "failed: " + String.join(",", failed),
                    "双随机检查（第 " + drawId + " 号抽取）");
            for (String f : failed) {
                String problem = "双随机检查发现：" + CHECKLIST.get(f) + " 不符合要求"
                        + (note == null || note.isBlank() ? "" : "（" + note.strip() + "）");
                items.add(ledger.add(c, new Ledger.NewItem("draw", "check:" + checkId, t.code(), problem, null, date,
                        deadline), "检查发现问题，列入问题台账"));
            }
            return checkId;
        });
        return check(id, items);
    }

    private CheckJson check(long id, List<Long> items) throws Exception {
        try (Connection c = ctx.store().connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT draw_id, target_code, county_code, check_date, failed_items, note FROM enf_check WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                List<String> failed = rs.getString(5).isEmpty() ? List.of() : List.of(rs.getString(5).split(","));
                List<Finding> findings = new ArrayList<>();
                CHECKLIST.forEach((k, v) -> findings.add(new Finding(k, v, !failed.contains(k))));
                return new CheckJson(id, rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class).toString(), findings, rs.getString(6), items);
            }
        }
    }

    CaseJson open(String unitCode, String violation, String facts, LocalDate filedOn, Long checkId, LocalDate deadline)
            throws Exception {
        List<InputError> errors = new ArrayList<>();
        if (!VIOLATIONS.containsKey(violation)) {
            errors.add(InputError.of("violation", violation, "违法类型应为 late（迟报）、refused（拒报）、concealed（瞒报）、"
                    + "false（虚报）或 falsified（伪造篡改）"));
        }
        if (facts == null || facts.isBlank()) {
            errors.add(InputError.of("facts", facts, "违法事实不能为空"));
        }
        if (filedOn.isAfter(ctx.today().get())) {
            errors.add(InputError.of("date", filedOn.toString(), "立案日期晚于今天"));
        }
        if (deadline != null && deadline.isBefore(filedOn)) {
            errors.add(InputError.of("deadline", deadline.toString(), "办理期限早于立案日期"));
        }
        Inputs.fail(errors);
        Unit unit = ctx.unit("unit", unitCode);
        if (checkId != null) {
            try (Connection c = ctx.store().connection();
                    PreparedStatement ps = c.prepareStatement("SELECT target_code FROM enf_check WHERE id = ?")) {
                ps.setLong(1, checkId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next() || !rs.getString(1).equals(unit.creditCode())) {
                        throw Inputs.bad(InputError.of("check", String.valueOf(checkId),
                                "没有对此单位的这次检查"));
                    }
                }
            }
        }
        long id = ctx.store().inTransaction(c -> {
            long caseId;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO enf_case (unit_code, county_code, violation, "
                    + "facts, filed_on, deadline, status, check_id) VALUES (?, ?, ?, ?, ?, ?, 'filed', ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, unit.creditCode());
                ps.setString(2, unit.countyCode());
                ps.setString(3, violation);
                ps.setString(4, facts.strip());
                ps.setObject(5, filedOn);
                if (deadline == null) {
                    ps.setNull(6, java.sql.Types.DATE);
                } else {
                    ps.setObject(6, deadline);
                }
                if (checkId == null) {
                    ps.setNull(7, java.sql.Types.BIGINT);
                } else {
                    ps.setLong(7, checkId);
                }
                ps.executeUpdate();
                try (ResultSet k = ps.getGeneratedKeys()) {
                    k.next();
                    caseId = k.getLong(1);
                }
            }
            ctx.journal().recordRow(c, CASE_TABLE, String.valueOf(caseId), "case", null,
                    VIOLATIONS.get(violation) + "：" + facts.strip(), "立案");
            return caseId;
        });
        return get(id);
    }

    /**
     * Moves a case on: decision, penalty, deadline, status. A decided case needs a decision; a closed one cannot be
     * reopened or changed; status only moves forward.
     */
    CaseJson update(long id, String decision, String penalty, LocalDate deadline, String status, LocalDate on,
            String reason) throws Exception {
        CaseJson before = get(id);
        List<InputError> errors = new ArrayList<>();
        if (before.status().equals("closed")) {
            errors.add(InputError.of("id", String.valueOf(id), "案件已于 " + before.closedOn() + " 结案，不能再修改"));
        }
        if (status != null && !STATUSES.contains(status)) {
            errors.add(InputError.of("status", status, "状态应为 filed（立案）、decided（已决定）或 closed（结案）"));
        } else if (status != null && STATUSES.indexOf(status) < STATUSES.indexOf(before.status())) {
            errors.add(InputError.of("status", status, "案件状态不能倒退（当前 " + before.status() + "）"));
        }
        String newDecision = decision != null ? decision.strip() : before.decision();
        if (status != null && !status.equals("filed") && (newDecision == null || newDecision.isBlank())) {
            errors.add(InputError.of("decision", decision, "作出决定或结案前须填写处理决定"));
        }
        if ("closed".equals(status) && on.isBefore(LocalDate.parse(before.filedOn()))) {
            errors.add(InputError.of("date", on.toString(), "结案日期早于立案日期 " + before.filedOn()));
        }
        if ("closed".equals(status) && on.isAfter(ctx.today().get())) {
            errors.add(InputError.of("date", on.toString(), "结案日期晚于今天"));
        }
        if (deadline != null && deadline.isBefore(LocalDate.parse(before.filedOn()))) {
            errors.add(InputError.of("deadline", deadline.toString(), "办理期限早于立案日期"));
        }
        Inputs.fail(errors);
        String why = reason == null || reason.isBlank() ? "案件办理" : reason.strip();
        ctx.store().inTransaction(c -> {
            set(c, id, "decision", before.decision(), newDecision, why);
            set(c, id, "penalty", before.penalty(), penalty != null ? penalty.strip() : before.penalty(), why);
            if (deadline != null) {
                setDate(c, id, "deadline", before.deadline(), deadline, why);
            }
            if (status != null) {
                set(c, id, "status", before.status(), status, why);
                if (status.equals("closed")) {
                    setDate(c, id, "closed_on", before.closedOn(), on, why);
                }
            }
            return null;
        });
        return get(id);
    }

    private void set(Connection c, long id, String column, String old, String now, String why) throws Exception {
        if (java.util.Objects.equals(old, now)) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE enf_case SET " + column + " = ? WHERE id = ?")) {
            ps.setString(1, now);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
        ctx.journal().recordRow(c, CASE_TABLE, String.valueOf(id), column, old, now, why);
    }

    private void setDate(Connection c, long id, String column, String old, LocalDate now, String why) throws Exception {
        if (java.util.Objects.equals(old, now.toString())) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE enf_case SET " + column + " = ? WHERE id = ?")) {
            ps.setObject(1, now);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
        ctx.journal().recordRow(c, CASE_TABLE, String.valueOf(id), column, old, now.toString(), why);
    }

    CaseJson get(long id) throws Exception {
        List<CaseJson> l = list("id = ?", id);
        if (l.isEmpty()) {
            throw Inputs.bad(InputError.of("id", String.valueOf(id), "没有此编号的案件"));
        }
        return l.get(0);
    }

    List<CaseJson> list(String status) throws Exception {
        if (status != null && !STATUSES.contains(status)) {
            throw Inputs.bad(InputError.of("status", status, "状态应为 filed、decided 或 closed"));
        }
        return status == null ? list("1 = 1", null) : list("status = ?", status);
    }

    private List<CaseJson> list(String where, Object param) throws Exception {
        List<CaseJson> out = new ArrayList<>();
        LocalDate today = ctx.today().get();
        try (Connection c = ctx.store().connection(); PreparedStatement ps = c.prepareStatement("SELECT id, unit_code, "
                + "county_code, violation, facts, decision, penalty, filed_on, deadline, status, check_id, closed_on "
                + "FROM enf_case WHERE " + where + " ORDER BY id")) {
            if (param != null) {
                ps.setObject(1, param);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    LocalDate deadline = rs.getObject(9, LocalDate.class);
                    LocalDate closed = rs.getObject(12, LocalDate.class);
                    long check = rs.getLong(11);
                    Long checkId = rs.wasNull() ? null : check;
                    String status = rs.getString(10);
                    String name = ctx.register().find(rs.getString(2)).map(Unit::name).orElse(null);
                    out.add(new CaseJson(rs.getLong(1), rs.getString(2), name, rs.getString(3), rs.getString(4),
                            VIOLATIONS.get(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7),
                            rs.getObject(8, LocalDate.class).toString(), deadline == null ? null : deadline.toString(),
                            status, checkId, closed == null ? null : closed.toString(),
                            !status.equals("closed") && deadline != null && today.isAfter(deadline)));
                }
            }
        }
        return out;
    }
}
