package org.statdesk.registry.internal.commands;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.Command;
import org.statdesk.api.command.CommandResult;
import org.statdesk.api.command.CommandSpec;
import org.statdesk.registry.internal.CandidateRules;
import org.statdesk.registry.internal.Candidates;
import org.statdesk.registry.internal.tables.CandidateTable.Resolution;

/**
 * {@code registry:candidates}: 应统尽统 candidates, {@code {"as_of", "missing": [...], "exit": [...]}} (the field
 * names are a contract, see docs/rules.md); {@code --resolve CODE --result applied|exited|explained --reason TEXT}
 * resolves one (permission {@code registry.candidates}, asked by the room: listing needs none).
 */
@Component(service = Command.class)
@CommandSpec(name = "registry:candidates",
        usage = "registry:candidates [--as-of YYYY-MM] [--all] [--json] | registry:candidates --resolve CODE"
                + " --result applied|exited|explained [--reason TEXT] [--json]",
        description = "应统尽统：应入库（市场登记存续、发票销售额达四上标准而未入库）与应退库（注销、吊销、迁出）的候选单位，及其处理",
        flags = "all")
public final class CandidatesCommand implements Command {
    private final Candidates candidates;

    @Activate
    public CandidatesCommand(@Reference Candidates candidates) {
        this.candidates = candidates;
    }

    @Override
    public CommandResult execute(Args args) throws Exception {
        args.allow("as-of", "all", "resolve", "result", "reason");
        if (args.option("resolve").isPresent()) {
            Resolution r = candidates.resolve(args.option("resolve").get(), args.option("result").orElse(null),
                    args.option("reason").orElse(null));
            return CommandResult.ok(Map.of("resolved", resolution(r)), r.creditCode() + " "
                    + (r.kind().equals(Candidates.MISSING) ? "应入库" : "应退库") + "候选已处理：" + r.result());
        }
        boolean all = args.flag("all");
        Candidates.Listing l = candidates.list(args.option("as-of").orElse(null), all);
        List<Map<String, Object>> missing = l.missing().stream().map(CandidatesCommand::missing).toList();
        List<Map<String, Object>> exit = l.exit().stream().map(CandidatesCommand::exit).toList();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("as_of", l.asOf());
        json.put("records", l.recordsAvailable());
        json.put("missing", missing);
        json.put("exit", exit);
        if (all) {
            json.put("resolved", l.resolvedElsewhere().stream().map(CandidatesCommand::resolution).toList());
        }
        StringBuilder t = new StringBuilder();
        if (!l.recordsAvailable()) {
            t.append("没有行政记录（records 模块未启用）\n");
        }
        t.append("应入库候选（截至 ").append(l.asOf() == null ? "无税务记录" : l.asOf()).append("）：")
                .append(missing.size()).append('\n');
        for (Candidates.MissingItem m : l.missing()) {
            CandidateRules.Missing x = m.candidate();
            t.append(String.format("  %s %s %s %s 标准 %,d 千元，近12个月发票销售额 %,.1f 千元（%d个月）%s%n",
                    x.market().creditCode(), x.market().name(), x.industryCode(), x.standard(), x.threshold(),
                    x.invoiced(), x.monthsWithRecords(), m.resolution() == null ? "" : " 已处理：" + m.resolution()
                            .result()));
        }
        t.append("应退库候选：").append(exit.size()).append('\n');
        for (Candidates.ExitItem e : l.exit()) {
            t.append(String.format("  %s %s 市场登记%s %s%s%n", e.candidate().unit().creditCode(),
                    e.candidate().unit().name(), e.candidate().market().status(),
                    e.candidate().market().statusDate() == null ? "" : e.candidate().market().statusDate(),
                    e.resolution() == null ? "" : " 已处理：" + e.resolution().result()));
        }
        return CommandResult.ok(json, t.toString().stripTrailing());
    }

    private static Map<String, Object> missing(Candidates.MissingItem m) {
        CandidateRules.Missing x = m.candidate();
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("credit_code", x.market().creditCode());
        o.put("name", x.market().name());
        o.put("county_code", x.countyCode());
        o.put("division_code", x.market().divisionCode());
        o.put("market_status", x.market().status());
        o.put("industry_code", x.industryCode());
        o.put("specialty", x.specialty());
        o.put("standard", x.standard());
        o.put("threshold", x.threshold());
        o.put("invoice_sales_12m", Math.round(x.invoiced() * 1000) / 1000.0);
        o.put("months_with_records", x.monthsWithRecords());
        o.put("from", x.from());
        o.put("to", x.to());
        o.put("resolution", m.resolution() == null ? null : resolution(m.resolution()));
        return o;
    }

    private static Map<String, Object> exit(Candidates.ExitItem e) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("credit_code", e.candidate().unit().creditCode());
        o.put("name", e.candidate().unit().name());
        o.put("county_code", e.candidate().unit().countyCode());
        o.put("industry_code", e.candidate().unit().industryCode());
        o.put("specialty", e.candidate().unit().specialty());
        o.put("market_status", e.candidate().market().status());
        o.put("status_date", e.candidate().market().statusDate());
        o.put("resolution", e.resolution() == null ? null : resolution(e.resolution()));
        return o;
    }

    private static Map<String, Object> resolution(Resolution r) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("credit_code", r.creditCode());
        o.put("kind", r.kind());
        o.put("result", r.result());
        o.put("reason", r.reason());
        o.put("evidence", r.evidence());
        o.put("resolved_on", r.resolvedOn());
        return o;
    }
}
