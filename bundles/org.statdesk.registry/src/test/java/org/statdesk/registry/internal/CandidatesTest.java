package org.statdesk.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statdesk.api.audit.Journal;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.command.NotPermittedException;
import org.statdesk.api.people.Person;
import org.statdesk.api.records.Records;
import org.statdesk.api.records.Records.MarketRecord;
import org.statdesk.registry.internal.tables.CandidateTable;
import org.statdesk.testing.FakePeople;

/** 应统尽统: units just above and below each threshold (the 2019 services tiers too), exit statuses, resolutions. */
class CandidatesTest {
    static final String HEADER = RegistryTest.HEADER;

    @TempDir
    Path dir;
    Fixture fx;

    @AfterEach
    void tearDown() throws Exception {
        if (fx != null) {
            fx.store.close();
        }
    }

    /** Records held in maps: market registrations and monthly invoices. */
    static final class FakeRecords implements Records {
        final Map<String, MarketRecord> market = new LinkedHashMap<>();
        final Map<String, NavigableMap<String, Double>> tax = new HashMap<>();

        FakeRecords market(String code, String name, String status, String date, String industry, String division) {
            market.put(code, new MarketRecord(code, name, status, date, industry, division, 500.0));
            return this;
        }

        FakeRecords tax(String code, String period, double v) {
            tax.computeIfAbsent(code, k -> new TreeMap<>()).put(period, v);
            return this;
        }

        /** 12 months to 2025-12 summing to {@code total}: 11 months of 100 and the rest in December. */
        FakeRecords year(String code, double total) {
            for (int m = 1; m <= 11; m++) {
                tax(code, String.format("2025-%02d", m), 100);
            }
            return tax(code, "2025-12", total - 1100);
        }

        @Override
        public Map<String, NavigableMap<String, Double>> monthly(String source, String from, String to) {
            Map<String, NavigableMap<String, Double>> out = new HashMap<>();
            if (source.equals(TAX)) {
                tax.forEach((k, m) -> {
                    NavigableMap<String, Double> in = new TreeMap<>(m.subMap(from, true, to, true));
                    if (!in.isEmpty()) {
                        out.put(k, in);
                    }
                });
            }
            return out;
        }

        @Override
        public Map<String, NavigableMap<String, Map<String, Double>>> ledger(String from, String to) {
            return Map.of();
        }

        @Override
        public Map<String, MarketRecord> market() {
            return market;
        }

        @Override
        public Optional<String> latest(String source) {
            return tax.values().stream().map(NavigableMap::lastKey).max(String::compareTo);
        }
    }

    private static String code(int n) {
        return Fixture.code("620602", 20000000 + n);
    }

    @Test
    void everyThresholdJustMetAndJustMissed() throws Exception {
        fx = Fixture.memory();
        // class (as the market record gives it, with or without its letter), threshold in 千元
        Object[][] tiers = {{"C1311", 20000}, {"1312", 20000}, {"F5111", 20000}, {"F5211", 5000}, {"H6110", 2000},
            {"L7111", 10000}, {"M7310", 10000}, {"P8310", 10000}, {"O8010", 5000}, {"R8610", 5000},
            {"Q8511", 5000}, {"G5311", 20000}, {"I6311", 20000}, {"N7610", 20000}, {"Q8411", 20000}};
        FakeRecords r = new FakeRecords();
        Map<String, Integer> meets = new TreeMap<>();
        int n = 0;
        for (Object[] t : tiers) {
            int threshold = (Integer) t[1];
            String at = code(++n);
            String below = code(++n);
            r.market(at, "达标" + n, "存续", "2020-01-01", (String) t[0], "620602001").year(at, threshold);
            r.market(below, "未达标" + n, "在业", "2020-01-01", (String) t[0], "620602001").year(below,
                    threshold - 0.5);
            meets.put(at, threshold);
        }
        // no revenue standard (construction, real estate development), outside every specialty: never candidates
        String build = code(++n);
        String estate = code(++n);
        String farm = code(++n);
        r.market(build, "建筑", "开业", null, "E4710", "620602001").year(build, 90000);
        r.market(estate, "房地产", "开业", null, "K7010", "620602001").year(estate, 90000);
        r.market(farm, "农场", "开业", null, "A0111", "620602001").year(farm, 90000);
        // a huge month 13 months before is outside the window
        String old = code(++n);
        r.market(old, "旧账", "存续", null, "C1311", "620602001").year(old, 19000).tax(old, "2024-12", 1e6);
        Candidates.Listing l = fx.candidates(r).list(null, false);
        assertEquals("2025-12", l.asOf());
        Map<String, Integer> found = new TreeMap<>();
        for (Candidates.MissingItem m : l.missing()) {
            found.put(m.candidate().market().creditCode(), m.candidate().threshold());
            assertEquals(12, m.candidate().monthsWithRecords());
            assertEquals("2025-01", m.candidate().from());
            assertEquals(m.candidate().threshold(), m.candidate().invoiced(), 1e-9);
        }
        assertEquals(meets, found);
        CandidateRules.Missing q85 = l.missing().stream().map(Candidates.MissingItem::candidate)
                .filter(m -> m.industryCode().equals("Q8511")).findFirst().orElseThrow();
        assertEquals("services", q85.specialty());
        assertEquals("规模以上服务业（社会工作）", q85.standard());
        CandidateRules.Missing plain = l.missing().stream().map(Candidates.MissingItem::candidate)
                .filter(m -> m.market().industryCode().equals("1312")).findFirst().orElseThrow();
        assertEquals("C1312", plain.industryCode());
        // --as-of 2025-11: the window is 2024-12 to 2025-11; everyone's December is out, the old month is in
        List<Candidates.MissingItem> earlier = fx.candidates(r).list("2025-11", false).missing();
        assertEquals(List.of(old), earlier.stream().map(m -> m.candidate().market().creditCode()).toList());
        assertEquals("2024-12", earlier.get(0).candidate().from());
        assertEquals(1_000_000 + 1100, earlier.get(0).candidate().invoiced(), 1e-9);
        assertThrows(BadInputException.class, () -> fx.candidates(r).list("2025-13", false));
        javax.swing.table.DefaultTableModel rows = new javax.swing.table.DefaultTableModel(0, 6);
        CandidatesView.fill(rows, l);
        assertEquals(meets.size(), rows.getRowCount());
        assertTrue(((String) rows.getValueAt(0, 5)).contains("（12个月）"), (String) rows.getValueAt(0, 5));
    }

    private void register(String admitted, String applied) throws Exception {
        Path a = dir.resolve("in.csv");
        Files.writeString(a, HEADER + "\n" + admitted, StandardCharsets.UTF_8);
        fx.imports.importFile(a, true);
        if (applied != null) {
            Path b = dir.resolve("applied.csv");
            Files.writeString(b, HEADER + "\n" + applied, StandardCharsets.UTF_8);
            fx.imports.importFile(b, false);
        }
    }

    private static String row(String code, String name, String division, String industry, int revenue) {
        return code + "," + name + "," + division + "," + industry + "," + revenue + ",,甘肃省武威市,张三,13800000000,"
                + "above\n";
    }

    @Test
    void exitStatusesAndUnitsInTheRegisterOrAppliedAreNoMissingCandidates() throws Exception {
        fx = Fixture.memory();
        String cancelled = code(1);
        String revoked = code(2);
        String moved = code(3);
        String active = code(4);
        String applied = code(5);
        register(row(cancelled, "注销工业有限公司", "620602001", "C1311", 30000)
                + row(revoked, "吊销商贸有限公司", "620602001", "F5111", 30000)
                + row(moved, "迁出科技有限公司", "620602001", "I6311", 30000)
                + row(active, "存续制造有限公司", "620602001", "C1312", 30000),
                row(applied, "新申请制造有限公司", "620602001", "C1311", 30000));
        FakeRecords r = new FakeRecords().market(cancelled, "注销工业", "注销", "2025-10-15", "C1311", "620602001")
                .market(revoked, "吊销商贸", "吊销", "2025-09-01", "F5111", "620602001")
                .market(moved, "迁出科技", "迁出", "2025-08-20", "I6311", "620602001")
                .market(active, "存续制造", "存续", null, "C1312", "620602001")
                .market(applied, "新申请", "开业", null, "C1311", "620602001");
        r.year(active, 50000).year(applied, 50000);
        Candidates.Listing l = fx.candidates(r).list(null, false);
        assertEquals(List.of(), l.missing(), "in the register or applied for: not missing");
        Map<String, String> exits = new TreeMap<>();
        l.exit().forEach(e -> exits.put(e.candidate().unit().creditCode(), e.candidate().market().status() + " "
                + e.candidate().market().statusDate()));
        assertEquals(Map.of(cancelled, "注销 2025-10-15", revoked, "吊销 2025-09-01", moved, "迁出 2025-08-20"), exits);
        // the workbench view lists the same candidates, missing ones first
        javax.swing.table.DefaultTableModel m = new javax.swing.table.DefaultTableModel(0, 6);
        CandidatesView.fill(m, l);
        assertEquals(3, m.getRowCount());
        assertEquals("应退库", m.getValueAt(0, 0));
        assertTrue(List.of(cancelled, revoked, moved).contains((String) m.getValueAt(0, 1)));
        assertTrue(((String) m.getValueAt(0, 5)).startsWith("市场登记"), (String) m.getValueAt(0, 5));
        // without the records bundle: nothing to list, said so
        Candidates.Listing none = fx.candidates(null).list(null, false);
        assertTrue(!none.recordsAvailable() && none.missing().isEmpty() && none.exit().isEmpty());
    }

    @Test
    void resolutionsFollowTheirRulesAreJournaledAndCloseTheCandidate() throws Exception {
        fx = Fixture.memory();
        String gone = code(1);
        String gone2 = code(2);
        String newcomer = code(3);
        String other = code(4);
        register(row(gone, "注销工业有限公司", "620602001", "C1311", 30000)
                + row(gone2, "吊销工业有限公司", "620602001", "C1311", 30000), null);
        FakeRecords r = new FakeRecords().market(gone, "注销工业", "注销", "2025-10-15", "C1311", "620602001")
                .market(gone2, "吊销工业", "吊销", "2025-11-15", "C1311", "620602001")
                .market(newcomer, "新生企业", "存续", null, "F5211", "620602002")
                .market(other, "另一新生企业", "存续", null, "F5211", "620602002");
        r.year(newcomer, 6000).year(other, 6000);
        RegisterCandidates cands = fx.candidates(r);
        assertEquals(2, cands.list(null, false).missing().size());
        // applied: not before the unit is applied for
        assertThrows(BadInputException.class, () -> cands.resolve(newcomer, "applied", "已通知企业申报"));
        // exited: not before the unit has left the register
        assertThrows(BadInputException.class, () -> cands.resolve(gone, "exited", null));
        // explained needs a reason; an unknown result and a unit that is no candidate are refused
        assertThrows(BadInputException.class, () -> cands.resolve(other, "explained", " "));
        assertThrows(BadInputException.class, () -> cands.resolve(other, "ignored", "x"));
        assertThrows(BadInputException.class, () -> cands.resolve(code(9), "explained", "x"));
        // the newcomer applies, the gone unit exits: now both resolve
        Path b = dir.resolve("apply.csv");
        Files.writeString(b, HEADER + "\n" + row(newcomer, "新生企业有限公司", "620602002", "F5211", 6000),
                StandardCharsets.UTF_8);
        fx.imports.importFile(b, false);
        fx.lifecycle.exit(gone, "closed", "2025-10-15", "市场监管注销");
        assertEquals("missing", cands.resolve(newcomer, "applied", null).kind());
        assertEquals("exit", cands.resolve(gone, "exited", "已退库").kind());
        CandidateTable.Resolution ex = cands.resolve(other, "explained", "企业为分支机构，由总部统一上报");
        assertEquals("missing", ex.kind());
        assertTrue(ex.evidence().contains("F5211") && ex.evidence().contains("6000"), ex.evidence());
        CandidateTable.Resolution ex2 = cands.resolve(gone2, "explained", "吊销后仍在清算，本年报送至年底");
        assertEquals("exit", ex2.kind());
        // resolved once only
        assertThrows(BadInputException.class, () -> cands.resolve(other, "explained", "again"));
        // the open listing is empty; --all lists the resolved ones with their resolution
        Candidates.Listing open = cands.list(null, false);
        assertEquals(0, open.missing().size() + open.exit().size());
        Candidates.Listing all = cands.list(null, true);
        assertEquals("explained", all.missing().get(0).resolution().result());
        assertEquals(other, all.missing().get(0).candidate().market().creditCode());
        assertEquals("explained", all.exit().get(0).resolution().result());
        List<String> elsewhere = new ArrayList<>();
        all.resolvedElsewhere().forEach(x -> elsewhere.add(x.creditCode() + " " + x.result()));
        assertEquals(List.of(newcomer + " applied", gone + " exited").stream().sorted().toList(),
                elsewhere.stream().sorted().toList());
        // journaled: one entry per resolution, with its reason
        List<Journal.Entry> entries = fx.journal.history(CandidateTable.key(other, "missing"), null);
        assertEquals(1, entries.size());
        assertEquals("explained", entries.get(0).newValue());
        assertEquals("企业为分支机构，由总部统一上报", entries.get(0).reason());
    }

    @Test
    void aResolutionNeedsTheCensusPermissionAndTheListingFollowsTheCounty() throws Exception {
        FakePeople people = FakePeople.as(FakePeople.county("liangzhou", "620602"));
        fx = Fixture.signedIn(people);
        String mine = code(1);
        String theirs = Fixture.code("620621", 30000001);
        FakeRecords r = new FakeRecords().market(mine, "凉州新生", "存续", null, "F5211", "620602002")
                .market(theirs, "民勤新生", "存续", null, "F5211", "620621100");
        r.year(mine, 6000).year(theirs, 6000);
        RegisterCandidates cands = fx.candidates(r);
        List<String> seen = cands.list(null, false).missing().stream().map(m -> m.candidate().market()
                .creditCode()).toList();
        assertEquals(List.of(mine), seen);
        NotPermittedException e = assertThrows(NotPermittedException.class,
                () -> cands.resolve(mine, "explained", "县区自行处理"));
        assertEquals(Candidates.PERMISSION, e.permission());
        people.become(new Person("wang", "王芳", Person.CENSUS, null, null), Candidates.PERMISSION);
        assertEquals(2, cands.list(null, false).missing().size());
        assertEquals("explained", cands.resolve(theirs, "explained", "该企业已迁往外市").result());
        assertNull(cands.list(null, true).missing().stream().filter(m -> m.candidate().market().creditCode()
                .equals(mine)).findFirst().orElseThrow().resolution());
    }
}
