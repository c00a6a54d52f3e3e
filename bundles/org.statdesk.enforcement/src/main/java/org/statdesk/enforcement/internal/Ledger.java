package org.statdesk.enforcement.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.command.InputError;

/**
 * The rectification ledger (问题台账): every problem with an owner, a deadline and evidence, closed item by item
 * (逐条销号) with the closing evidence. Open items past their deadline are overdue (逾期).
 */
final class Ledger {
    static final String TABLE = "enf_item";
    static final List<String> COLUMNS = List.of("source", "source_ref", "owner_code", "county_code", "problem",
            "evidence", "opened_on", "deadline", "status", "closing_evidence", "closed_on", "closed_by");
    static final Set<String> SOURCES = Set.of("self_check", "spot_check", "draw", "case");

    record Item(long id, String source, String sourceRef, String ownerCode, String countyCode, String problem,
            String evidence, String openedOn, String deadline, String status, String closingEvidence,
            String closedOn, String closedBy, boolean overdue, boolean closedLate, Long daysOverdue) {
    }

    /** Progress of one county (销号进度). */
    record Progress(int total, int closed, int open, int overdue, Double closedShare) {
    }

    record LedgerView(String asOf, List<Item> items, Map<String, Progress> counties, Progress total) {
    }

    /** A new item as typed or derived from a check or case. */
    record NewItem(String source, String sourceRef, String ownerCode, String problem, String evidence,
            LocalDate openedOn, LocalDate deadline) {
    }

    private final Ctx ctx;

    Ledger(Ctx ctx) {
        this.ctx = ctx;
    }

    /** Validates and adds an item in the caller's transaction; returns its id. */
    long add(Connection c, NewItem n, String reason) throws Exception {
        List<InputError> errors = new ArrayList<>();
        if (!SOURCES.contains(n.source())) {
            errors.add(InputError.of("source", n.source(), "来源应为 self_check（自查）、spot_check（抽查）、draw（双随机）或 case（案件）"));
        }
        if (n.problem() == null || n.problem().isBlank()) {
            errors.add(InputError.of("problem", n.problem(), "问题描述不能为空"));
        }
        if (n.openedOn().isAfter(ctx.today().get())) {
            errors.add(InputError.of("date", n.openedOn().toString(), "登记日期晚于今天"));
        }
        if (n.deadline() != null && n.deadline().isBefore(n.openedOn())) {
            errors.add(InputError.of("deadline", n.deadline().toString(), "整改期限早于登记日期 " + n.openedOn()));
        }
        Inputs.fail(errors);
        String county = ctx.countyOf("owner", n.ownerCode());
        LocalDate deadline = n.deadline() != null ? n.deadline()
                : n.openedOn().plusDays(ctx.settings().get().rectificationDays());
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO enf_item (source, source_ref, owner_code, "
                + "county_code, problem, evidence, opened_on, deadline, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open')",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, n.source());
            ps.setString(2, n.sourceRef());
            ps.setString(3, n.ownerCode().strip());
            ps.setString(4, county);
            ps.setString(5, n.problem().strip());
            ps.setString(6, n.evidence());
            ps.setObject(7, n.openedOn());
            ps.setObject(8, deadline);
            ps.executeUpdate();
            try (ResultSet k = ps.getGeneratedKeys()) {
                k.next();
                id = k.getLong(1);
            }
        }
        ctx.journal().recordRow(c, TABLE, String.valueOf(id), "item", null, n.problem().strip(), reason);
        return id;
    }

    Item add(NewItem n) throws Exception {
        long id = ctx.store().inTransaction(c -> add(c, n, "问题台账登记（" + n.source() + "）"));
        return item(id, ctx.today().get());
    }

    /** Closes an open item with its closing evidence (销号). */
    Item close(long id, String evidence, LocalDate on) throws Exception {
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
        if (on.isAfter(ctx.today().get())) {
            errors.add(InputError.of("date", on.toString(), "销号日期晚于今天"));
        }
        Inputs.fail(errors);
        String user = ctx.journal().currentUser();
        ctx.store().inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE enf_item SET status = 'closed', "
                    + "closing_evidence = ?, closed_on = ?, closed_by = ? WHERE id = ? AND status = 'open'")) {
                ps.setString(1, evidence.strip());
                ps.setObject(2, on);
                ps.setString(3, user);
                ps.setLong(4, id);
                if (ps.executeUpdate() != 1) {
                    throw new BadInputException("item " + id + " changed meanwhile");
                }
            }
            ctx.journal().recordRow(c, TABLE, String.valueOf(id), "status", "open", "closed", "销号：" + evidence.strip());
            return null;
        });
        return item(id, on);
    }

    Item item(long id, LocalDate asOf) throws Exception {
        List<Item> l = query("id = ?", List.of(id), asOf);
        if (l.isEmpty()) {
            throw Inputs.bad(InputError.of("id", String.valueOf(id), "问题台账中没有此编号"));
        }
        return l.get(0);
    }

    /** The ledger as of a day, optionally for one county and a status ({@code open}, {@code closed}, {@code overdue}). */
    LedgerView view(String county, String status, LocalDate asOf) throws Exception {
        if (status != null && !Set.of("open", "closed", "overdue").contains(status)) {
            throw Inputs.bad(InputError.of("status", status, "应为 open、closed 或 overdue"));
        }
        if (county != null && !ctx.isCityOrCounty(county)) {
            throw Inputs.bad(InputError.of("county", county, "不是本市的县区代码"));
        }
        List<Item> all = county == null ? query("1 = 1", List.of(), asOf)
                : query("county_code = ?", List.of(county), asOf);
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

    private List<Item> query(String where, List<Object> params, LocalDate asOf) throws Exception {
        List<Item> out = new ArrayList<>();
        try (Connection c = ctx.store().connection(); PreparedStatement ps = c.prepareStatement("SELECT id, source, "
                + "source_ref, owner_code, county_code, problem, evidence, opened_on, deadline, status, "
                + "closing_evidence, closed_on, closed_by FROM enf_item WHERE " + where + " ORDER BY id")) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    LocalDate deadline = rs.getObject(9, LocalDate.class);
                    LocalDate closed = rs.getObject(12, LocalDate.class);
                    boolean open = "open".equals(rs.getString(10));
                    // overdue: still open after the deadline day; an item due today is not yet overdue
                    boolean overdue = open && asOf.isAfter(deadline);
                    boolean late = !open && closed != null && closed.isAfter(deadline);
                    out.add(new Item(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getObject(8, LocalDate.class).toString(),
                            deadline.toString(), rs.getString(10), rs.getString(11),
                            closed == null ? null : closed.toString(), rs.getString(13), overdue, late,
                            overdue ? asOf.toEpochDay() - deadline.toEpochDay() : null));
                }
            }
        }
        return out;
    }
}
