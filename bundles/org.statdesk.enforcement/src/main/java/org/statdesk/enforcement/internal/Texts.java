package org.statdesk.enforcement.internal;

import java.time.LocalDate;
import org.statdesk.api.command.Args;

/** What commands and views print beside their JSON, and the date options they share. */
final class Texts {
    private Texts() {
    }

    static String pct(Double d) {
        return d == null ? "—" : String.format("%.1f%%", d * 100);
    }

    static String passText(Roster.PassRate r) {
        return "应考 " + r.required() + " 人，持证 " + r.passed() + " 人，执法证考试合格率 " + pct(r.rate()) + "（目标 "
                + pct(r.target()) + "）" + (r.met() ? "达标" : "未达标");
    }

    static String drawText(Draws.DrawJson d) {
        StringBuilder sb = new StringBuilder("抽取 " + d.id() + "（" + d.year() + " 年，种子 " + d.seed() + "，总体哈希 "
                + d.populationHash() + "）：");
        d.coverage().forEach((k, v) -> sb.append(' ').append(k).append(' ').append(pct(v)));
        sb.append("；共 ").append(d.targets().size()).append(" 个对象，每名执法人员承担 ").append(d.workload().min())
                .append("-").append(d.workload().max()).append(" 个");
        return sb.toString();
    }

    /** A date option, or the bureau's today when it is not given. */
    static LocalDate dateOr(Args a, String option, Bureau bureau) {
        return a.option(option).map(v -> Inputs.date(option, v)).orElse(bureau.today());
    }

    /** A date option, or null when it is not given. */
    static LocalDate dateOrNull(Args a, String option) {
        return a.option(option).map(v -> Inputs.date(option, v)).orElse(null);
    }
}
