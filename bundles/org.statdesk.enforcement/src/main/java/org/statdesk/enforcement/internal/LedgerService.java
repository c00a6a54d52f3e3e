package org.statdesk.enforcement.internal;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.audit.Journal;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.command.InputError;

/** The ledger's rules: who owns an item, its default deadline, closing only with evidence, overdue as of a day. */
@Component(service = Ledger.class)
public final class LedgerService implements Ledger {
    private final Schema schema;
    private final Journal journal;
    private final Bureau bureau;

    @Activate
    public LedgerService(@Reference Schema schema, @Reference Journal journal, @Reference Bureau bureau) {
        this.schema = schema;
        this.journal = journal;
        this.bureau = bureau;
    }

    @Override
    public long add(Connection c, NewItem n, String reason) throws Exception {
        List<InputError> errors = new ArrayList<>();
        if (!SOURCES.contains(n.source())) {
            errors.add(InputError.of("source", Inputs.shownOrNull(n.source()),
                    "来源应为 self_check（自查）、spot_check（抽查）、draw（双随机）或 case（案件）"));
        }
        if (n.problem() == null || n.problem().isBlank()) {
            errors.add(InputError.of("problem", n.problem(), "问题描述不能为空"));
        }
        if (n.openedOn().isAfter(bureau.today())) {
            errors.add(InputError.of("date", n.openedOn().toString(), "登记日期晚于今天"));
        }
        if (n.deadline() != null && n.deadline().isBefore(n.openedOn())) {
            errors.add(InputError.of("deadline", n.deadline().toString(), "整改期限早于登记日期 " + n.openedOn()));
        }
        Inputs.fail(errors);
        Inputs.text("problem", n.problem(), ItemTable.TEXT);
        Inputs.text("evidence", n.evidence(), ItemTable.TEXT);
        Inputs.text("ref", n.sourceRef(), 100); // enf_item.source_ref
        String county = bureau.countyOf("owner", n.ownerCode());
        LocalDate deadline = n.deadline() != null ? n.deadline()
                : n.openedOn().plusDays(bureau.settings().rectificationDays());
        long id = ItemTable.insert(c, n, county, deadline);
        journal.recordRow(c, ItemTable.TABLE, String.valueOf(id), "item", null, n.problem().strip(), reason);
        return id;
    }

    @Override
    public Item add(NewItem n) throws Exception {
        long id = schema.store().inTransaction(c -> add(c, n, "问题台账登记（" + n.source() + "）"));
        return item(id, bureau.today());
    }

    @Override
    public Item close(long id, String evidence, LocalDate on) throws Exception {
        Item before = item(id, on);
        List<InputError> errors = new ArrayList<>();
        if (before.status().equals("closed")) {
            errors.add(InputError.of("id", String.valueOf(id), "该问题已于 " + before.closedOn() + " 销号，不能重复销号"));
        }
        if (evidence == null || evidence.isBlank()) {
            errors.add(InputError.of("evidence", evidence, "销号必须附整改佐证材料"));
        }
        if (on.isBefore(LocalDate.parse(before.openedOn()))) {
            errors.add(InputError.of("date", on.toString(), "销号日期早于登记日期 " + before.openedOn()));
        }
        if (on.isAfter(bureau.today())) {
            errors.add(InputError.of("date", on.toString(), "销号日期晚于今天"));
        }
        Inputs.fail(errors);
        Inputs.text("evidence", evidence, ItemTable.TEXT);
        String user = journal.currentUser();
        schema.store().inTransaction(c -> {
            if (!ItemTable.close(c, id, evidence.strip(), on, user)) {
                throw new BadInputException("item " + id + " changed meanwhile");
            }
            journal.recordRow(c, ItemTable.TABLE, String.valueOf(id), "status", "open", "closed", "销号："
                    + evidence.strip());
            return null;
        });
        return item(id, on);
    }

    @Override
    public Item item(long id, LocalDate asOf) throws Exception {
        List<Item> l;
        try (Connection c = schema.store().connection()) {
            l = items(ItemTable.byId(c, id), asOf);
        }
        if (l.isEmpty()) {
            throw Inputs.bad(InputError.of("id", String.valueOf(id), "问题台账中没有此编号"));
        }
        return l.get(0);
    }

    @Override
    public LedgerView view(String county, String status, LocalDate asOf) throws Exception {
        if (status != null && !Set.of("open", "closed", "overdue").contains(status)) {
            throw Inputs.bad(InputError.of("status", Inputs.shownOrNull(status), "应为 open、closed 或 overdue"));
        }
        if (county != null && !bureau.isCityOrCounty(county)) {
            throw Inputs.bad(InputError.of("county", Inputs.shownOrNull(county), "不是本市的县区代码"));
        }
        List<Item> all;
        try (Connection c = schema.store().connection()) {
            all = items(ItemTable.byCounty(c, county), asOf);
        }
        Map<String, int[]> counts = new TreeMap<>();
        int[] total = new int[4];
        List<Item> shown = new ArrayList<>();
        for (Item i : all) {
            int[] k = counts.computeIfAbsent(i.countyCode(), x -> new int[4]);
            for (int[] a : List.of(k, total)) {
                a[0]++;
                a[i.status().equals("closed") ? 1 : 2]++;
                if (i.overdue()) {
                    a[3]++;
                }
            }
            boolean keep = status == null || (status.equals("overdue") ? i.overdue() : i.status().equals(status));
            if (keep) {
                shown.add(i);
            }
        }
        // overdue first, longest overdue on top: what needs chasing stands out
        shown.sort((a, b) -> {
            if (a.overdue() != b.overdue()) {
                return a.overdue() ? -1 : 1;
            }
            if (a.overdue()) {
                return Long.compare(b.daysOverdue(), a.daysOverdue());
            }
            return Long.compare(a.id(), b.id());
        });
        Map<String, Progress> progress = new TreeMap<>();
        counts.forEach((k, a) -> progress.put(k, progress(a)));
        return new LedgerView(asOf.toString(), shown, progress, progress(total));
    }

    private static Progress progress(int[] a) {
        return new Progress(a[0], a[1], a[2], a[3], a[0] == 0 ? null : a[1] / (double) a[0]);
    }

    /** Items as shown on {@code asOf}: overdue means still open after the deadline day (due today is not yet). */
    private static List<Item> items(List<ItemTable.Row> rows, LocalDate asOf) {
        List<Item> out = new ArrayList<>(rows.size());
        for (ItemTable.Row r : rows) {
            boolean open = "open".equals(r.status());
            boolean overdue = open && asOf.isAfter(r.deadline());
            boolean late = !open && r.closedOn() != null && r.closedOn().isAfter(r.deadline());
            out.add(new Item(r.id(), r.source(), r.sourceRef(), r.ownerCode(), r.countyCode(), r.problem(),
                    r.evidence(), r.openedOn().toString(), r.deadline().toString(), r.status(), r.closingEvidence(),
                    r.closedOn() == null ? null : r.closedOn().toString(), r.closedBy(), overdue, late,
                    overdue ? asOf.toEpochDay() - r.deadline().toEpochDay() : null));
        }
        return out;
    }
}
