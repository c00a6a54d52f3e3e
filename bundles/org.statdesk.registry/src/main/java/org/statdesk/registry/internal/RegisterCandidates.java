package org.statdesk.registry.internal;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.statdesk.api.audit.Journal;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.command.InputError;
import org.statdesk.api.input.Inputs;
import org.statdesk.api.people.People;
import org.statdesk.api.people.Scope;
import org.statdesk.api.records.Records;
import org.statdesk.api.records.Records.MarketRecord;
import org.statdesk.api.registry.Register;
import org.statdesk.api.registry.Unit;
import org.statdesk.api.registry.UnitQuery;
import org.statdesk.registry.internal.tables.CandidateTable;
import org.statdesk.registry.internal.tables.CandidateTable.Resolution;

/**
 * 应统尽统 over the imported records ({@link CandidateRules}), within the scope of the person working (a county user
 * the candidates of their county: the market record's division for a missing unit, the unit's county for an exit),
 * and their resolution by the census section, journaled. Without the records bundle there is nothing to list.
 */
@Component(service = Candidates.class)
public final class RegisterCandidates implements Candidates {
    private final RegisterStore db;
    private final Journal journal;
    private final Reads reads;
    private final Register register;
    private final ReferenceData reference;
    private final Records records;
    private final People people;

    @Activate
    public RegisterCandidates(@Reference RegisterStore db, @Reference Journal journal, @Reference Reads reads,
            @Reference Register register, @Reference ReferenceData reference,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
            Records records,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
            People people) {
        this.db = db;
        this.journal = journal;
        this.reads = reads;
        this.register = register;
        this.reference = reference;
        this.records = records;
        this.people = people;
    }

    @Override
    public Listing list(String asOf, boolean all) throws Exception {
        if (records == null) {
            return new Listing(null, false, List.of(), List.of(), List.of());
        }
        String month = asOf != null ? month(asOf) : records.latest(Records.TAX).orElse(null);
        Map<String, MarketRecord> market = records.market();
        List<Unit> units = register.whole().list(UnitQuery.all());
        List<CandidateRules.Missing> missing = month == null ? List.of()
                : CandidateRules.missing(market, units, records.monthly(Records.TAX, CandidateRules.from(month),
                        month), month, reference.industries(), reference.thresholds());
        List<CandidateRules.Exit> exits = CandidateRules.exits(market, units);
        Map<String, Resolution> resolved;
        try (Connection c = db.store().connection()) {
            resolved = CandidateTable.all(c);
        }
        Scope scope = reads.scope();
        Set<String> listed = new HashSet<>();
        List<MissingItem> m = new ArrayList<>();
        for (CandidateRules.Missing x : missing) {
            Resolution r = resolved.get(CandidateTable.key(x.market().creditCode(), MISSING));
            if (scope.covers(x.countyCode(), x.specialty()) && (all || r == null)) {
                m.add(new MissingItem(x, r));
            }
            listed.add(CandidateTable.key(x.market().creditCode(), MISSING));
        }
        List<ExitItem> e = new ArrayList<>();
        for (CandidateRules.Exit x : exits) {
            Resolution r = resolved.get(CandidateTable.key(x.unit().creditCode(), EXIT));
            if (scope.covers(x.unit().countyCode(), x.unit().specialty()) && (all || r == null)) {
                e.add(new ExitItem(x, r));
            }
            listed.add(CandidateTable.key(x.unit().creditCode(), EXIT));
        }
        List<Resolution> elsewhere = new ArrayList<>();
        if (all) {
            for (Resolution r : resolved.values()) {
                if (!listed.contains(CandidateTable.key(r.creditCode(), r.kind())) && visible(scope, r, market,
                        units)) {
                    elsewhere.add(r);
                }
            }
        }
        return new Listing(month, true, m, e, elsewhere);
    }

    /** Whether a resolution's unit is within the scope: its register entry, else its market record. */
    private static boolean visible(Scope scope, Resolution r, Map<String, MarketRecord> market, List<Unit> units) {
        if (scope.isEverything()) {
            return true;
        }
        for (Unit u : units) {
            if (u.creditCode().equals(r.creditCode())) {
                return scope.covers(u.countyCode(), u.specialty());
            }
        }
        MarketRecord m = market.get(r.creditCode());
        return m != null && m.divisionCode() != null && m.divisionCode().length() >= 6
                && scope.covers(m.divisionCode().substring(0, 6), scope.specialty());
    }

    @Override
    public Resolution resolve(String creditCode, String result, String reason) throws Exception {
        if (people != null) {
            people.require(PERMISSION);
        }
        String code = creditCode == null ? "" : creditCode.strip().toUpperCase(Locale.ROOT);
        if (result == null || !List.of(APPLIED, EXITED, EXPLAINED).contains(result)) {
            throw bad("result", result, "--result 应为 applied、exited 或 explained");
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (result.equals(EXPLAINED) && why == null) {
            throw bad("reason", reason, "说明（explained）需要 --reason 写明理由");
        }
        if (why != null && why.length() > 2000) {
            throw bad("reason", Inputs.shown(why), "理由不能超过2000个字符");
        }
        if (records == null) {
            throw bad("credit_code", code, "没有行政记录（records 模块未启用），无候选单位可处理");
        }
        Map<String, MarketRecord> market = records.market();
        MarketRecord m = market.get(code);
        if (m == null) {
            throw bad("credit_code", code, "单位 " + code + " 没有市场监管登记记录，不是应统尽统候选单位");
        }
        Listing open = list(null, false);
        Optional<MissingItem> missing = open.missing().stream()
                .filter(x -> x.candidate().market().creditCode().equals(code)).findFirst();
        Optional<ExitItem> exit = open.exit().stream()
                .filter(x -> x.candidate().unit().creditCode().equals(code)).findFirst();
        List<Application> apps = reads.applications(code); // outside the scope: not permitted (exit 3)
        boolean live = apps.stream().anyMatch(Application::live);
        boolean exited = !live && apps.stream().anyMatch(a -> a.unit().status().equals(Application.EXITED));
        String kind;
        String evidence;
        switch (result) {
            case APPLIED -> {
                if (!m.active()) {
                    throw bad("result", result, "单位 " + code + " 的市场登记状态为" + m.status() + "，不是待入库的候选单位");
                }
                if (!live) {
                    throw bad("result", result, "单位 " + code + " 尚未申请入库，也不在名录库中：请先 registry:apply");
                }
                kind = MISSING;
                evidence = "已申请入库或在库，状态 " + apps.get(0).unit().status();
            }
            case EXITED -> {
                if (!m.gone()) {
                    throw bad("result", result, "单位 " + code + " 的市场登记状态为" + m.status() + "，不是待退库的候选单位");
                }
                if (!exited) {
                    throw bad("result", result, "单位 " + code + " 尚未退库：请先 registry:exit");
                }
                kind = EXIT;
                evidence = "已退库；市场登记" + m.status() + (m.statusDate() == null ? "" : " " + m.statusDate());
            }
            default -> {
                if (missing.isPresent()) {
                    CandidateRules.Missing x = missing.get().candidate();
                    kind = MISSING;
                    evidence = String.format(Locale.ROOT, "%s %s 标准 %d 千元；%s至%s 发票销售额 %.3f 千元（%d个月）",
                            x.industryCode(), x.standard(), x.threshold(), x.from(), x.to(), x.invoiced(),
                            x.monthsWithRecords());
                } else if (exit.isPresent()) {
                    kind = EXIT;
                    evidence = "市场登记" + m.status() + (m.statusDate() == null ? "" : " " + m.statusDate());
                } else {
                    throw bad("credit_code", code, "单位 " + code + " 不是未处理的应统尽统候选单位");
                }
            }
        }
        if (!apps.isEmpty()) {
            reads.scope().require(apps.get(0).unit().countyCode(), apps.get(0).unit().specialty());
        } else if (m.divisionCode() != null && m.divisionCode().length() >= 6) {
            Scope s = reads.scope();
            s.require(m.divisionCode().substring(0, 6), s.specialty());
        }
        Resolution r = new Resolution(code, kind, result, why, evidence, LocalDate.now().toString());
        db.store().inTransaction(c -> {
            if (CandidateTable.all(c).containsKey(CandidateTable.key(code, kind))) {
                throw bad("credit_code", code, "单位 " + code + " 的" + (kind.equals(MISSING) ? "入库" : "退库")
                        + "候选已处理过");
            }
            CandidateTable.insert(c, r);
            journal.recordRow(c, CandidateTable.NAME, CandidateTable.key(code, kind), "result", null, result,
                    why == null ? evidence : why);
            return null;
        });
        return r;
    }

    private static String month(String asOf) {
        String s = asOf.strip();
        if (!s.matches("(19|20)\\d\\d-(0[1-9]|1[0-2])")) {
            throw bad("as-of", asOf, "--as-of 应为 YYYY-MM");
        }
        return s;
    }

    private static BadInputException bad(String field, String value, String message) {
        return new BadInputException(message, List.of(InputError.of(field, value == null ? "" : Inputs.shown(value),
                message)));
    }
}
