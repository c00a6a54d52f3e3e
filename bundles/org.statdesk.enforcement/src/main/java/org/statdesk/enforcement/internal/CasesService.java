package org.statdesk.enforcement.internal;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.audit.Journal;
import org.statdesk.api.command.InputError;
import org.statdesk.api.registry.Unit;
import org.statdesk.enforcement.internal.DrawEngine.Target;

/** Checks and cases, each change journaled in the transaction that makes it. */
@Component(service = Cases.class)
public final class CasesService implements Cases {
    private final Schema schema;
    private final Journal journal;
    private final Bureau bureau;
    private final Draws draws;
    private final Ledger ledger;

    @Activate
    public CasesService(@Reference Schema schema, @Reference Journal journal, @Reference Bureau bureau,
            @Reference Draws draws, @Reference Ledger ledger) {
        this.schema = schema;
        this.journal = journal;
        this.bureau = bureau;
        this.draws = draws;
        this.ledger = ledger;
    }

    @Override
    public CheckJson recordCheck(long drawId, String code, LocalDate date, List<String> failed, String note,
            LocalDate deadline) throws Exception {
        Target t = draws.target(drawId, code, date);
        List<InputError> errors = new ArrayList<>();
        for (String f : failed) {
            if (!CHECKLIST.containsKey(f)) {
                errors.add(InputError.of("fail", Inputs.shownOrNull(f), "未知的检查项；可选："
                        + String.join("、", CHECKLIST.keySet())));
            }
        }
        if (date.isAfter(bureau.today())) {
            errors.add(InputError.of("date", date.toString(), "检查日期晚于今天"));
        }
        if (deadline != null && deadline.isBefore(date)) {
            errors.add(InputError.of("deadline", deadline.toString(), "整改期限早于检查日期"));
        }
        Inputs.fail(errors);
        Inputs.text("note", note, CheckTable.NOTE);
        String user = journal.currentUser();
        List<Long> items = new ArrayList<>();
        long id = schema.store().inTransaction(c -> {
            long checkId = CheckTable.insert(c, new CheckTable.Row(drawId, t.code(), t.countyCode(), date,
                    String.join(",", failed), note), user);
            journal.recordRow(c, CheckTable.TABLE, String.valueOf(checkId), "check", null,
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
        CheckTable.Row r;
        try (Connection c = schema.store().connection()) {
            r = CheckTable.find(c, id);
        }
        List<String> failedNow = r.failedItems().isEmpty() ? List.of() : List.of(r.failedItems().split(","));
        List<Finding> findings = new ArrayList<>();
        CHECKLIST.forEach((k, v) -> findings.add(new Finding(k, v, !failedNow.contains(k))));
        return new CheckJson(id, r.drawId(), r.targetCode(), r.countyCode(), r.date().toString(), findings, r.note(),
                items);
    }

    @Override
    public CaseJson open(String unitCode, String violation, String facts, LocalDate filedOn, Long checkId,
            LocalDate deadline) throws Exception {
        List<InputError> errors = new ArrayList<>();
        if (!VIOLATIONS.containsKey(violation)) {
            errors.add(InputError.of("violation", Inputs.shownOrNull(violation), "违法类型应为 late（迟报）、refused（拒报）、"
                    + "concealed（瞒报）、false（虚报）或 falsified（伪造篡改）"));
        }
        if (facts == null || facts.isBlank()) {
            errors.add(InputError.of("facts", facts, "违法事实不能为空"));
        }
        if (filedOn.isAfter(bureau.today())) {
            errors.add(InputError.of("date", filedOn.toString(), "立案日期晚于今天"));
        }
        if (deadline != null && deadline.isBefore(filedOn)) {
            errors.add(InputError.of("deadline", deadline.toString(), "办理期限早于立案日期"));
        }
        Inputs.fail(errors);
        Inputs.text("facts", facts, CaseTable.FACTS);
        Unit unit = bureau.unit("unit", unitCode);
        if (checkId != null) {
            CheckTable.Row check;
            try (Connection c = schema.store().connection()) {
                check = CheckTable.find(c, checkId);
            }
            if (check == null || !check.targetCode().equals(unit.creditCode())) {
                throw Inputs.bad(InputError.of("check", String.valueOf(checkId), "没有对此单位的这次检查"));
            }
        }
        long id = schema.store().inTransaction(c -> {
            long caseId = CaseTable.insert(c, unit.creditCode(), unit.countyCode(), violation, facts.strip(), filedOn,
                    deadline, checkId);
            journal.recordRow(c, CaseTable.TABLE, String.valueOf(caseId), "case", null,
                    VIOLATIONS.get(violation) + "：" + facts.strip(), "立案");
            return caseId;
        });
        return get(id);
    }

    @Override
    public CaseJson update(long id, String decision, String penalty, LocalDate deadline, String status, LocalDate on,
            String reason) throws Exception {
        CaseJson before = get(id);
        List<InputError> errors = new ArrayList<>();
        if (before.status().equals("closed")) {
            errors.add(InputError.of("id", String.valueOf(id), "案件已于 " + before.closedOn() + " 结案，不能再修改"));
        }
        if (status != null && !STATUSES.contains(status)) {
            errors.add(InputError.of("status", Inputs.shownOrNull(status), "状态应为 filed（立案）、decided（已决定）或 "
                    + "closed（结案）"));
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
        if ("closed".equals(status) && on.isAfter(bureau.today())) {
            errors.add(InputError.of("date", on.toString(), "结案日期晚于今天"));
        }
        if (deadline != null && deadline.isBefore(LocalDate.parse(before.filedOn()))) {
            errors.add(InputError.of("deadline", deadline.toString(), "办理期限早于立案日期"));
        }
        Inputs.fail(errors);
        Inputs.text("decision", decision, CaseTable.DECISION);
        Inputs.text("penalty", penalty, CaseTable.PENALTY);
        String why = reason == null || reason.isBlank() ? "案件办理" : Inputs.text("reason", reason, Inputs.REASON)
                .strip();
        schema.store().inTransaction(c -> {
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
        if (Objects.equals(old, now)) {
            return;
        }
        CaseTable.set(c, id, column, now);
        journal.recordRow(c, CaseTable.TABLE, String.valueOf(id), column, old, now, why);
    }

    private void setDate(Connection c, long id, String column, String old, LocalDate now, String why)
            throws Exception {
        if (Objects.equals(old, now.toString())) {
            return;
        }
        CaseTable.set(c, id, column, now);
        journal.recordRow(c, CaseTable.TABLE, String.valueOf(id), column, old, now.toString(), why);
    }

    @Override
    public CaseJson get(long id) throws Exception {
        List<CaseJson> l;
        try (Connection c = schema.store().connection()) {
            l = json(CaseTable.byId(c, id));
        }
        if (l.isEmpty()) {
            throw Inputs.bad(InputError.of("id", String.valueOf(id), "没有此编号的案件"));
        }
        return l.get(0);
    }

    @Override
    public List<CaseJson> list(String status) throws Exception {
        if (status != null && !STATUSES.contains(status)) {
            throw Inputs.bad(InputError.of("status", Inputs.shownOrNull(status), "状态应为 filed、decided 或 closed"));
        }
        try (Connection c = schema.store().connection()) {
            return json(CaseTable.byStatus(c, status));
        }
    }

    /** Cases as commands show them: the unit's name from the register, dates as text, overdue as of today. */
    private List<CaseJson> json(List<CaseTable.Row> rows) {
        LocalDate today = bureau.today();
        List<CaseJson> out = new ArrayList<>(rows.size());
        for (CaseTable.Row r : rows) {
            String name = bureau.register().find(r.unitCode()).map(Unit::name).orElse(null);
            out.add(new CaseJson(r.id(), r.unitCode(), name, r.countyCode(), r.violation(),
                    VIOLATIONS.get(r.violation()), r.facts(), r.decision(), r.penalty(), r.filedOn().toString(),
                    r.deadline() == null ? null : r.deadline().toString(), r.status(), r.checkId(),
                    r.closedOn() == null ? null : r.closedOn().toString(),
                    !r.status().equals("closed") && r.deadline() != null && today.isAfter(r.deadline())));
        }
        return out;
    }
}
