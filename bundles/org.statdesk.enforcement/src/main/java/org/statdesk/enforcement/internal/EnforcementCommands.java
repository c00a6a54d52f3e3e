package org.statdesk.enforcement.internal;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.Command;
import org.statdesk.api.command.CommandResult;

/** The enforcement commands ({@code enforcement:*}); each is registered as its own {@link Command} service. */
final class EnforcementCommands {
    /** A command with the properties it is registered under. */
    record Spec(String name, String usage, String description, String flags, Command command) {
    }

    private final Ctx ctx;
    private final Roster roster;
    private final Draws draws;
    private final Ledger ledger;
    private final Cases cases;
    private final Interference interference;

    EnforcementCommands(Ctx ctx) {
        this.ctx = ctx;
        this.roster = new Roster(ctx);
        this.draws = new Draws(ctx, roster);
        this.ledger = new Ledger(ctx);
        this.cases = new Cases(ctx, draws, ledger);
        this.interference = new Interference(ctx);
    }

    Draws draws() {
        return draws;
    }

    Ledger ledger() {
        return ledger;
    }

    Cases cases() {
        return cases;
    }

    Interference interference() {
        return interference;
    }

    /** The workstation's today (a fixed day in tests), for views that default to it. */
    LocalDate today() {
        return ctx.today().get();
    }

    private LocalDate dateOr(Args a, String option) {
        return a.option(option).map(v -> Inputs.date(option, v)).orElse(ctx.today().get());
    }

    private LocalDate dateOrNull(Args a, String option) {
        return a.option(option).map(v -> Inputs.date(option, v)).orElse(null);
    }

    List<Spec> specs() {
        List<Spec> l = new ArrayList<>();
        l.add(new Spec("enforcement:import-inspectors", "enforcement:import-inspectors FILE [--json]",
                "imports the inspector roster CSV (name,certificate_no,certificate_date,county_code,specialty"
                        + "[,exam_required]), replacing the roster, all or nothing", "", a -> {
                    Roster.ImportResult r = roster.importCsv(Path.of(a.allow().positional(0, "roster file")));
                    return CommandResult.ok(r, "导入执法人员 " + r.imported() + " 名（持证 " + r.certified() + " 名），"
                            + passText(r.passRate()));
                }));
        l.add(new Spec("enforcement:inspectors", "enforcement:inspectors [--county CODE] [--json]",
                "the inspector roster and the certificate exam pass rate", "", a -> {
                    String county = a.allow("county").option("county").orElse(null);
                    List<Roster.Inspector> list = roster.list(county);
                    Roster.PassRate rate = roster.passRate(list);
                    Map<String, Object> doc = new LinkedHashMap<>();
                    doc.put("inspectors", list.stream().map(Roster.InspectorJson::of).toList());
                    doc.put("pass_rate", rate);
                    StringBuilder sb = new StringBuilder();
                    for (Roster.Inspector i : list) {
                        sb.append(i.countyCode()).append('\t').append(i.name()).append('\t')
                                .append(i.certificateNo() == null ? "（无执法证）" : i.certificateNo()).append('\n');
                    }
                    return CommandResult.ok(doc, sb + passText(rate));
                }));
        l.add(new Spec("enforcement:draw", "enforcement:draw --year Y [--seed N] [--replace --reason TEXT] [--json]",
                "double-random draw of targets and inspectors for a year (双随机抽取)", "replace", a -> {
                    a.allow("year", "seed", "replace", "reason");
                    int year = Inputs.year(a.required("year"));
                    Long seed = a.option("seed").isPresent() ? a.integer("seed", 0) : null;
                    Draws.DrawJson d = draws.draw(year, seed, a.flag("replace"), a.option("reason").orElse(null));
                    return CommandResult.ok(d, drawText(d));
                }));
        l.add(new Spec("enforcement:verify-draw", "enforcement:verify-draw ID [--json]",
                "recomputes a draw from its seed and the population; exit 1 when it does not match", "", a -> {
                    Draws.Verification v = draws.verify(Inputs.id("id", a.allow().positional(0, "draw id")));
                    String text = "抽取 " + v.id() + (v.matches() ? " 复核一致" : " 复核不一致：" + String.join("；", v.problems()));
                    return v.matches() ? CommandResult.ok(v, text) : CommandResult.checkFailed(v, text);
                }));
        l.add(new Spec("enforcement:show-draw", "enforcement:show-draw ID [--json]", "a stored draw with its targets",
                "", a -> {
                    Draws.DrawJson d = draws.load(Inputs.id("id", a.allow().positional(0, "draw id")));
                    return CommandResult.ok(d, drawText(d));
                }));
        l.add(new Spec("enforcement:draws", "enforcement:draws [--year Y] [--json]", "draws, newest first", "", a -> {
            a.allow("year");
            Integer year = a.option("year").map(Inputs::year).orElse(null);
            List<Draws.DrawSummary> list = draws.list(year);
            StringBuilder sb = new StringBuilder();
            for (Draws.DrawSummary d : list) {
                sb.append(d.id()).append('\t').append(d.year()).append('\t').append(d.status()).append('\t')
                        .append(d.targets()).append(" 个对象\t").append(d.drawnOn()).append('\n');
            }
            return CommandResult.ok(Map.of("draws", list), sb.toString());
        }));
        l.add(new Spec("enforcement:export-draw", "enforcement:export-draw ID FILE.csv|FILE.html [--json]",
                "publication list of a draw (一公开), CSV or HTML", "", a -> {
                    a.allow();
                    long id = Inputs.id("id", a.positional(0, "draw id"));
                    Path file = Path.of(a.positional(1, "output file"));
                    int n = draws.export(id, file);
                    return CommandResult.ok(Map.of("file", file.toAbsolutePath().toString(), "targets", n),
                            "公示名单已写入 " + file.toAbsolutePath() + "（" + n + " 个对象）");
                }));
        l.add(new Spec("enforcement:record-check",
                "enforcement:record-check DRAW_ID CODE [--date D] [--fail item,item] [--note TEXT] [--deadline D] [--json]",
                "records the check of a drawn target; failed checklist items ("
                        + String.join(", ", Cases.CHECKLIST.keySet()) + ") go to the rectification ledger", "", a -> {
                    a.allow("date", "fail", "note", "deadline");
                    long drawId = Inputs.id("draw", a.positional(0, "draw id"));
                    List<String> failed = a.option("fail").map(s -> Arrays.stream(s.split(",")).map(String::strip)
                            .filter(x -> !x.isEmpty()).distinct().toList()).orElse(List.of());
                    Cases.CheckJson r = cases.recordCheck(drawId, a.positional(1, "target code"), dateOr(a, "date"),
                            failed, a.option("note").orElse(null), dateOrNull(a, "deadline"));
                    return CommandResult.ok(r, "检查已登记（编号 " + r.id() + "），不合格项 " + failed.size() + " 个"
                            + (failed.isEmpty() ? "" : "，已列入问题台账 " + r.ledgerItems()));
                }));
        l.add(new Spec("enforcement:open-case",
                "enforcement:open-case CREDIT_CODE --violation late|refused|concealed|false|falsified --facts TEXT "
                        + "[--date D] [--check ID] [--deadline D] [--json]",
                "files a statistical violation case (立案)", "", a -> {
                    a.allow("violation", "facts", "date", "check", "deadline");
                    Long check = a.option("check").map(s -> Inputs.id("check", s)).orElse(null);
                    Cases.CaseJson c = cases.open(a.positional(0, "unit credit code"), a.required("violation"),
                            a.option("facts").orElse(null), dateOr(a, "date"), check, dateOrNull(a, "deadline"));
                    return CommandResult.ok(c, "已立案 " + c.id() + "：" + c.violationName() + " " + c.unitCode());
                }));
        l.add(new Spec("enforcement:update-case",
                "enforcement:update-case ID [--decision TEXT] [--penalty TEXT] [--deadline D] "
                        + "[--status filed|decided|closed] [--date D] [--reason TEXT] [--json]",
                "records a case's decision, penalty, deadline, status", "", a -> {
                    a.allow("decision", "penalty", "deadline", "status", "date", "reason");
                    Cases.CaseJson c = cases.update(Inputs.id("id", a.positional(0, "case id")),
                            a.option("decision").orElse(null), a.option("penalty").orElse(null),
                            dateOrNull(a, "deadline"), a.option("status").orElse(null), dateOr(a, "date"),
                            a.option("reason").orElse(null));
                    return CommandResult.ok(c, "案件 " + c.id() + " 状态 " + c.status());
                }));
        l.add(new Spec("enforcement:cases", "enforcement:cases [--status filed|decided|closed] [--json]",
                "violation cases", "", a -> {
                    List<Cases.CaseJson> list = cases.list(a.allow("status").option("status").orElse(null));
                    StringBuilder sb = new StringBuilder();
                    for (Cases.CaseJson c : list) {
                        sb.append(c.id()).append('\t').append(c.violationName()).append('\t').append(c.unitCode())
                                .append('\t').append(c.status()).append(c.overdue() ? "\t逾期" : "").append('\n');
                    }
                    return CommandResult.ok(Map.of("cases", list), sb.toString());
                }));
        l.add(new Spec("enforcement:record-interference",
                "enforcement:record-interference --quarter YYYYQn --date D --official WHO --target UNIT_OR_FIGURE "
                        + "--request WHAT --action WHAT_WAS_DONE [--json]",
                "records an official's improper interference (领导干部违规干预统计工作记录)", "", a -> {
                    a.allow("quarter", "date", "official", "target", "request", "action");
                    Interference.Entry e = interference.record(a.required("quarter"), Inputs.date("date",
                            a.required("date")), a.option("official").orElse(null), a.option("target").orElse(null),
                            a.option("request").orElse(null), a.option("action").orElse(null));
                    return CommandResult.ok(e, "已记录 " + e.quarter() + " 干预情况（编号 " + e.id() + "）");
                }));
        l.add(new Spec("enforcement:interference-report", "enforcement:interference-report --quarter YYYYQn [--json]",
                "quarterly report of the interference register, saying so when nothing was recorded", "", a -> {
                    Interference.Report r = interference.report(a.allow("quarter").required("quarter"));
                    StringBuilder sb = new StringBuilder(r.statement()).append('\n');
                    for (Interference.Entry e : r.entries()) {
                        sb.append(e.date()).append('\t').append(e.official()).append('\t').append(e.target())
                                .append('\t').append(e.request()).append('\t').append(e.actionTaken()).append('\n');
                    }
                    return CommandResult.ok(r, sb.toString());
                }));
        l.add(new Spec("enforcement:add-item",
                "enforcement:add-item --source self_check|spot_check|draw|case --owner CODE --problem TEXT "
                        + "[--deadline D] [--evidence TEXT] [--ref TEXT] [--date D] [--json]",
                "adds a problem to the rectification ledger (问题台账)", "", a -> {
                    a.allow("source", "owner", "problem", "deadline", "evidence", "ref", "date");
                    Ledger.Item i = ledger.add(new Ledger.NewItem(a.required("source"), a.option("ref").orElse(null),
                            a.required("owner"), a.option("problem").orElse(null), a.option("evidence").orElse(null),
                            dateOr(a, "date"), dateOrNull(a, "deadline")));
                    return CommandResult.ok(i, "问题已列入台账（编号 " + i.id() + "），整改期限 " + i.deadline());
                }));
        l.add(new Spec("enforcement:close-item", "enforcement:close-item ID --evidence TEXT [--date D] [--json]",
                "closes a ledger item with its evidence (逐条销号)", "", a -> {
                    a.allow("evidence", "date");
                    Ledger.Item i = ledger.close(Inputs.id("id", a.positional(0, "item id")),
                            a.option("evidence").orElse(null), dateOr(a, "date"));
                    return CommandResult.ok(i, "问题 " + i.id() + " 已销号" + (i.closedLate() ? "（超期整改）" : ""));
                }));
        l.add(new Spec("enforcement:ledger",
                "enforcement:ledger [--county CODE] [--status open|closed|overdue] [--as-of D] [--json]",
                "the rectification ledger: overdue items first, progress per county", "", a -> {
                    a.allow("county", "status", "as-of");
                    Ledger.LedgerView v = ledger.view(a.option("county").orElse(null),
                            a.option("status").orElse(null), dateOr(a, "as-of"));
                    StringBuilder sb = new StringBuilder();
                    for (Ledger.Item i : v.items()) {
                        sb.append(i.overdue() ? "逾期" + i.daysOverdue() + "天\t" : i.status().equals("closed")
                                ? "已销号\t" : "整改中\t").append(i.id()).append('\t').append(i.ownerCode())
                                .append('\t').append(i.deadline()).append('\t').append(i.problem()).append('\n');
                    }
                    v.counties().forEach((k, p) -> sb.append(ctx.countyName(k)).append("：共 ").append(p.total())
                            .append(" 条，已销号 ").append(p.closed()).append("，逾期 ").append(p.overdue()).append('\n'));
                    return CommandResult.ok(v, sb.toString());
                }));
        l.add(new Spec("enforcement:coverage", "enforcement:coverage --year Y [--json]",
                "achieved coverage (核查面) per stratum of the year's draw against the targets", "", a -> {
                    Draws.Coverage c = draws.coverage(Inputs.year(a.allow("year").required("year")));
                    StringBuilder sb = new StringBuilder();
                    c.strata().forEach((k, s) -> sb.append(k).append("：总体 ").append(s.population()).append("，抽取 ")
                            .append(s.drawn()).append("，已检查 ").append(s.checked()).append("，核查面 ")
                            .append(pct(s.achievedShare())).append("（目标 ").append(pct(s.target())).append("）")
                            .append(s.population() == 0 ? "无对象，不适用" : s.met() ? "达标" : "未达标").append('\n'));
                    return CommandResult.ok(c, sb.toString());
                }));
        return l;
    }

    static String pct(Double d) {
        return d == null ? "—" : String.format("%.1f%%", d * 100);
    }

    private static String passText(Roster.PassRate r) {
        return "应考 " + r.required() + " 人，持证 " + r.passed() + " 人，执法证考试合格率 " + pct(r.rate()) + "（目标 "
                + pct(r.target()) + "）" + (r.met() ? "达标" : "未达标");
    }

    private static String drawText(Draws.DrawJson d) {
        StringBuilder sb = new StringBuilder("抽取 " + d.id() + "（" + d.year() + " 年，种子 " + d.seed() + "，总体哈希 "
                + d.populationHash() + "）：");
        d.coverage().forEach((k, v) -> sb.append(' ').append(k).append(' ').append(pct(v)));
        sb.append("；共 ").append(d.targets().size()).append(" 个对象，每名执法人员承担 ").append(d.workload().min())
                .append("-").append(d.workload().max()).append(" 个");
        return sb.toString();
    }
}
