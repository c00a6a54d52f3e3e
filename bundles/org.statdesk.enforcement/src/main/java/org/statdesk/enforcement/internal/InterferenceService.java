package org.statdesk.enforcement.internal;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.audit.Journal;
import org.statdesk.api.command.InputError;

/** The interference register: entries journaled as they are recorded, reports by quarter. */
@Component(service = Interference.class)
public final class InterferenceService implements Interference {
    private final Schema schema;
    private final Journal journal;
    private final Bureau bureau;

    @Activate
    public InterferenceService(@Reference Schema schema, @Reference Journal journal, @Reference Bureau bureau) {
        this.schema = schema;
        this.journal = journal;
        this.bureau = bureau;
    }

    @Override
    public Entry record(String quarter, LocalDate date, String official, String target, String request,
            String action) throws Exception {
        int[] q = Inputs.quarter(quarter);
        String qn = q[0] + "Q" + q[1];
        List<InputError> errors = new ArrayList<>();
        if (!Inputs.quarterOf(date).equals(qn)) {
            errors.add(InputError.of("date", date.toString(), "日期不在 " + qn + " 季度内"));
        }
        if (date.isAfter(bureau.today())) {
            errors.add(InputError.of("date", date.toString(), "日期晚于今天"));
        }
        for (String[] f : new String[][] {{"official", official}, {"target", target}, {"request", request},
                {"action", action}}) {
            if (f[1] == null || f[1].isBlank()) {
                errors.add(InputError.of(f[0], f[1], "不能为空（干预人、涉及单位或数据、干预要求、处理情况都要记录）"));
            }
        }
        Inputs.fail(errors);
        Entry e = new Entry(0, qn, date.toString(), Inputs.text("official", official, InterferenceTable.OFFICIAL)
                .strip(), Inputs.text("target", target, InterferenceTable.TARGET).strip(),
                Inputs.text("request", request, InterferenceTable.REQUEST).strip(),
                Inputs.text("action", action, InterferenceTable.ACTION).strip(), journal.currentUser());
        long id = schema.store().inTransaction(c -> {
            long newId = InterferenceTable.insert(c, e, date);
            journal.recordRow(c, InterferenceTable.TABLE, String.valueOf(newId), "entry", null,
                    e.official() + "：" + e.request(), "领导干部违规干预统计工作记录 " + qn);
            return newId;
        });
        try (Connection c = schema.store().connection()) {
            return InterferenceTable.byId(c, id).get(0);
        }
    }

    @Override
    public Report report(String quarter) throws Exception {
        int[] q = Inputs.quarter(quarter);
        String qn = q[0] + "Q" + q[1];
        List<Entry> entries;
        try (Connection c = schema.store().connection()) {
            entries = InterferenceTable.byQuarter(c, qn);
        }
        String label = q[0] + " 年第 " + q[1] + " 季度";
        String statement = entries.isEmpty()
                ? label + "未记录领导干部违规干预统计工作和“跑数要数”情况（零报告）。"
                : label + "记录领导干部违规干预统计工作情况 " + entries.size() + " 起，详见下表。";
        return new Report(qn, entries.size(), statement, entries);
    }
}
