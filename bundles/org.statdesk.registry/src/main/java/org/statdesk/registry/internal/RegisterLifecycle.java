package org.statdesk.registry.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.statdesk.api.audit.Journal;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.command.InputError;
import org.statdesk.api.command.NotPermittedException;
import org.statdesk.api.input.Inputs;
import org.statdesk.api.people.People;
import org.statdesk.api.people.Person;
import org.statdesk.api.registry.Unit;
import org.statdesk.registry.internal.tables.FindingTable;
import org.statdesk.registry.internal.tables.UnitTable;

/** Applications, the two checks, changes, exits and resolved findings. */
@Component(service = Lifecycle.class)
public final class RegisterLifecycle implements Lifecycle {
    static final String COUNTY_CHECK = "registry.check.county";
    static final String SPECIALTY_CHECK = "registry.check.specialty";
    private final RegisterStore db;
    private final Journal journal;
    private final Checks checks;
    private final Reads reads;
    /** Who is signed in; null without the people bundle (a single workstation, everything permitted). */
    private final People people;

    @Activate
    public RegisterLifecycle(@Reference RegisterStore db, @Reference Journal journal, @Reference Checks checks,
            @Reference Reads reads,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
            People people) {
        this.db = db;
        this.journal = journal;
        this.checks = checks;
        this.reads = reads;
        this.people = people;
    }

    @Override
    public Application apply(Map<String, String> fields, String reason) throws Exception {
        String why = FieldRules.reason(reason);
        Row.Parsed p = checks.parse(0, fields::get);
        if (!p.errors().isEmpty()) {
            throw new BadInputException("申请有 " + p.errors().size() + " 处错误，未保存", p.errors());
        }
        reads.scope().require(p.row().countyCode(), p.row().specialty());
        String id = db.store().inTransaction(c -> {
            List<String> ids = RegisterImport.appIds(c, List.of(p.row()));
            List<Finding> findings = checks.check(c, List.of(p.row()), ids);
            UnitTable.insert(c, ids, List.of(p.row()), i -> false, null);
            List<String> keys = FindingTable.insert(c, findings);
            journal.recordRow(c, UnitTable.NAME, ids.get(0), "status", null, Application.APPLIED, why);
            journal.recordRows(c, FindingTable.NAME, keys, "check", why);
            return ids.get(0);
        });
        return reads.target(id);
    }

    @Override
    public Application approve(String codeOrApp, String reason) throws Exception {
        String why = FieldRules.reason(reason);
        Application a = reads.target(codeOrApp);
        String from = a.unit().status();
        String to = switch (from) {
            case Application.APPLIED -> Application.COUNTY_CHECKED;
            case Application.COUNTY_CHECKED -> Unit.IN_REGISTER;
            default -> throw new BadInputException(a.appId() + " 的状态是 " + from + "，不能审核通过",
                    List.of(InputError.of("credit_code", codeOrApp, "状态为 " + from + " 的单位没有待审核的申请")));
        };
        // One command passes both checks: which one this is (and so the permission it needs) follows from the state.
        if (people != null) {
            String step = from.equals(Application.APPLIED) ? COUNTY_CHECK : SPECIALTY_CHECK;
            Person p = people.require(step);
            if (step.equals(SPECIALTY_CHECK) && people.hasUsers()) {
                separateFromCountyCheck(p, a.appId());
            }
        }
        List<StoredFinding> open = reads.findings(a.appId(), null, true).stream()
                .filter(f -> f.severity().equals("error")).toList();
        if (!open.isEmpty()) {
            throw new Blocked(a.appId() + " 有 " + open.size() + " 个未解决的错误级核查发现，不能通过", open);
        }
        db.store().inTransaction(c -> {
            UnitTable.setStatus(c, a.appId(), to, why, to.equals(Unit.IN_REGISTER) ? LocalDate.now().toString()
                    : null);
            journal.recordRow(c, UnitTable.NAME, a.appId(), "status", from, to, why);
            return null;
        });
        return reads.target(a.appId());
    }

    /**
     * The two checks of one application are never one person's (双人审核): who passed the county check is read from
     * the journal (its entry for that status step, hash-chained, so it cannot be rewritten unseen).
     */
    private void separateFromCountyCheck(Person p, String appId) throws SQLException {
        String checker = null;
        for (Journal.Entry e : journal.history(appId, null)) {
            if (UnitTable.NAME.equals(e.entity()) && appId.equals(e.key()) && "status".equals(e.field())
                    && Application.COUNTY_CHECKED.equals(e.newValue())) {
                checker = e.user();
            }
        }
        if (p != null && p.named(checker)) {
            throw new NotPermittedException("not permitted (双人审核): " + p.journalName() + " passed the county check "
                    + "of " + appId + "; the specialty check must be another person's", SPECIALTY_CHECK);
        }
    }

    @Override
    public Application reject(String codeOrApp, String reason) throws Exception {
        String why = FieldRules.reason(reason);
        Application a = reads.target(codeOrApp);
        String from = a.unit().status();
        if (!from.equals(Application.APPLIED) && !from.equals(Application.COUNTY_CHECKED)) {
            throw new BadInputException(a.appId() + " 不是待审核的申请", List.of(InputError.of("credit_code", codeOrApp,
                    "状态为 " + from + "，只有待审核的申请可以退回")));
        }
        db.store().inTransaction(c -> {
            UnitTable.setStatus(c, a.appId(), Application.REJECTED, why, null);
            journal.recordRow(c, UnitTable.NAME, a.appId(), "status", from, Application.REJECTED, why);
            return null;
        });
        return reads.target(a.appId());
    }

    @Override
    public Application exit(String codeOrApp, String kind, String date, String reason) throws Exception {
        String why = FieldRules.reason(reason);
        if (kind == null || !EXIT_KINDS.contains(kind)) {
            throw new BadInputException("退出类型不对", List.of(InputError.of("kind", Inputs.shown(kind),
                    "退出类型只能是 " + String.join("、", EXIT_KINDS))));
        }
        String day = FieldRules.date(date, "date");
        Application a = reads.target(codeOrApp);
        if (!a.unit().inRegister()) {
            throw new BadInputException(a.appId() + " 不在库中", List.of(InputError.of("credit_code", codeOrApp,
                    "状态为 " + a.unit().status() + "，只有在库单位可以退出")));
        }
        db.store().inTransaction(c -> {
            UnitTable.exit(c, a.appId(), why, kind, day);
            journal.recordRow(c, UnitTable.NAME, a.appId(), "status", Unit.IN_REGISTER,
                    Application.EXITED + ":" + kind, why);
            return null;
        });
        return reads.target(a.appId());
    }

    /** The changed unit is checked again, its open findings of the re-run checks replaced. */
    @Override
    public Application change(String codeOrApp, Map<String, String> changes, String reason) throws Exception {
        String why = FieldRules.reason(reason);
        if (changes.isEmpty()) {
            throw new BadInputException("没有要变更的字段", List.of(InputError.of(null, null,
                    "请给出要变更的字段：--" + String.join(" / --", CHANGEABLE))));
        }
        Application a = reads.target(codeOrApp);
        if (a.unit().status().equals(Application.REJECTED) || a.unit().status().equals(Application.EXITED)) {
            throw new BadInputException(a.appId() + " 已" + a.unit().status(), List.of(InputError.of("credit_code",
                    codeOrApp, "已退回或已退出的单位不能变更")));
        }
        Unit u = a.unit();
        Map<String, String> after = new HashMap<>();
        after.put("credit_code", u.creditCode());
        after.put("name", u.name());
        after.put("division_code", u.divisionCode());
        after.put("industry_code", u.industryCode());
        after.put("revenue", Row.plain(u.revenue()));
        after.put("qualification", u.qualification());
        after.put("address", u.address());
        after.put("statistician", u.statistician());
        after.put("phone", u.phone());
        after.put("scale", u.scale());
        for (Map.Entry<String, String> e : changes.entrySet()) {
            String col = switch (e.getKey()) {
                case "industry" -> "industry_code";
                case "division" -> "division_code";
                default -> e.getKey();
            };
            after.put(col, e.getValue());
        }
        Row.Parsed p = checks.parse(0, after::get);
        if (!p.errors().isEmpty()) {
            throw new BadInputException("变更有 " + p.errors().size() + " 处错误，未保存", p.errors());
        }
        Row r = p.row();
        // a unit is not moved out of one's own county or specialty
        reads.scope().require(r.countyCode(), r.specialty());
        db.store().inTransaction(c -> {
            UnitTable.change(c, a.appId(), r);
            Map<String, String[]> diff = new LinkedHashMap<>();
            diff(diff, "name", u.name(), r.name());
            diff(diff, "division_code", u.divisionCode(), r.divisionCode());
            diff(diff, "industry_code", u.industryCode(), r.industryCode());
            diff(diff, "specialty", u.specialty(), r.specialty());
            diff(diff, "scale", u.scale(), r.scale());
            diff(diff, "revenue", Row.plain(u.revenue()), Row.plain(r.revenue()));
            diff(diff, "qualification", u.qualification(), r.qualification());
            diff(diff, "address", u.address(), r.address());
            diff(diff, "phone", u.phone(), r.phone());
            for (Map.Entry<String, String[]> d : diff.entrySet()) {
                journal.recordRow(c, UnitTable.NAME, a.appId(), d.getKey(), d.getValue()[0], d.getValue()[1], why);
            }
            recheck(c, a.appId(), r, why);
            return null;
        });
        return reads.target(a.appId());
    }

    private static void diff(Map<String, String[]> out, String field, String before, String after) {
        if (!Objects.equals(before, after)) {
            out.put(field, new String[] {before, after});
        }
    }

    /** Re-runs the checks of one unit: open findings that no longer hold are resolved, new ones added. */
    private void recheck(Connection c, String appId, Row r, String why) throws Exception {
        List<Finding> fresh = checks.check(c, List.of(r), List.of(appId));
        List<StoredFinding> open = FindingTable.find(c, appId, null, true, org.statdesk.api.people.Scope.everything());
        List<Finding> added = new ArrayList<>();
        for (Finding f : fresh) {
            if (open.stream().noneMatch(o -> o.check().equals(f.check()) && o.message().equals(f.message()))) {
                added.add(f);
            }
        }
        for (StoredFinding o : open) {
            if (fresh.stream().noneMatch(f -> f.check().equals(o.check()) && f.message().equals(o.message()))) {
                resolve(c, o.id(), appId, "系统（变更后复核不再成立）", why);
            }
        }
        journal.recordRows(c, FindingTable.NAME, FindingTable.insert(c, added), "check", why);
    }

    private void resolve(Connection c, long id, String appId, String by, String why) throws Exception {
        FindingTable.resolve(c, id, by, why);
        journal.recordRow(c, FindingTable.NAME, FindingTable.key(appId, id), "resolved_by", null, by, why);
    }

    @Override
    public List<StoredFinding> resolveFinding(String codeOrApp, String check, String reason) throws Exception {
        String why = FieldRules.reason(reason);
        Application a = reads.target(codeOrApp);
        List<StoredFinding> open = reads.findings(a.appId(), check, true);
        if (open.isEmpty()) {
            throw new BadInputException("没有未解决的核查发现", List.of(InputError.of("check", Inputs.shown(check),
                    a.appId() + " 没有未解决的 " + Inputs.shown(check))));
        }
        String user = journal.currentUser();
        db.store().inTransaction(c -> {
            for (StoredFinding f : open) {
                resolve(c, f.id(), a.appId(), user, why);
            }
            return null;
        });
        return reads.findings(a.appId(), check, false);
    }
}
