package org.statdesk.review.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.statdesk.api.records.Records;
import org.statdesk.api.registry.Unit;
import org.statdesk.api.review.Flag;

/** Each confrontation rule and band on hand-made units: just inside and just outside, missing months, 1-2月, ytd. */
class ConfrontTest {
    /** Records held in maps, as {@code records:import} would have left them. */
    static final class FakeRecords implements Records {
        final Map<String, Map<String, NavigableMap<String, Double>>> monthly = new HashMap<>();
        final Map<String, NavigableMap<String, Map<String, Double>>> ledger = new HashMap<>();

        FakeRecords month(String source, String code, String period, double v) {
            monthly.computeIfAbsent(source, k -> new HashMap<>()).computeIfAbsent(code, k -> new TreeMap<>())
                    .put(period, v);
            return this;
        }

        FakeRecords ledger(String code, String period, String indicator, double v) {
            ledger.computeIfAbsent(code, k -> new TreeMap<>()).computeIfAbsent(period, k -> new HashMap<>())
                    .put(indicator, v);
            return this;
        }

        @Override
        public Map<String, NavigableMap<String, Double>> monthly(String source, String from, String to) {
            Map<String, NavigableMap<String, Double>> out = new HashMap<>();
            monthly.getOrDefault(source, Map.of()).forEach((code, m) -> {
                NavigableMap<String, Double> in = new TreeMap<>(m.subMap(from, true, to, true));
                if (!in.isEmpty()) {
                    out.put(code, in);
                }
            });
            return out;
        }

        @Override
        public Map<String, NavigableMap<String, Map<String, Double>>> ledger(String from, String to) {
            Map<String, NavigableMap<String, Map<String, Double>>> out = new HashMap<>();
            ledger.forEach((code, m) -> {
                NavigableMap<String, Map<String, Double>> in = new TreeMap<>(m.subMap(from, true, to, true));
                if (!in.isEmpty()) {
                    out.put(code, in);
                }
            });
            return out;
        }

        @Override
        public Map<String, MarketRecord> market() {
            return Map.of();
        }

        @Override
        public Optional<String> latest(String source) {
            java.util.stream.Stream<String> periods = source.equals(LEDGER)
                    ? ledger.values().stream().flatMap(m -> m.keySet().stream())
                    : monthly.getOrDefault(source, Map.of()).values().stream().flatMap(m -> m.keySet().stream());
            return periods.max(String::compareTo);
        }
    }

    /** A panel of hand-made units of one form: {@code set(unit, offset, code, value)}. */
    static final class Case {
        final FormSpec form;
        final Panel p;

        Case(FormSpec form, String period, String... units) {
            this.form = form;
            Unit[] info = new Unit[units.length];
            for (int i = 0; i < units.length; i++) {
                info[i] = new Unit(units[i], units[i], "620602100", "620602", "C1311", form.specialty(), "above", 0,
                        "", "", "", "", "in_register", null, null);
            }
            p = new Panel(period, units, info, form.indicators().size());
        }

        Case set(int unit, int offset, String code, double v) {
            p.x[offset][form.indexOf(code)][unit] = v;
            return this;
        }

        /** The same figure for this month and the two before. */
        Case three(int unit, String code, double v) {
            return set(unit, 0, code, v).set(unit, 1, code, v).set(unit, 2, code, v);
        }

        Confront.Result run(Records r) {
            return Confront.run(form, p, r, Confront.Bands.defaults());
        }
    }

    private static FormSpec industrial() {
        return TestForms.spec(TestForms.industrial());
    }

    private static List<Flag> of(Confront.Result r, String rule) {
        return r.flags().stream().filter(f -> f.rule().equals(rule)).toList();
    }

    @Test
    void taxBandJustInsideAndJustOutside() {
        // reported 1000 a month; invoices such that the difference is 24.9%, 25% (in), 25.1% (out), and below
        Case c = new Case(industrial(), "2025-06", "IN1", "EDGE", "OUT", "LOW");
        FakeRecords r = new FakeRecords();
        double[] invoiced = {1000 / 1.249, 1000 / 1.25, 1000 / 1.251, 1000 / 0.749};
        for (int u = 0; u < 4; u++) {
            c.three(u, "sales_value", 1000);
            for (String m : List.of("2025-04", "2025-05", "2025-06")) {
                r.month(Records.TAX, c.p.units[u], m, invoiced[u]);
            }
        }
        Confront.Result res = c.run(r);
        List<Flag> tax = of(res, Confront.TAX);
        assertEquals(Set.of("OUT", "LOW"), Set.copyOf(tax.stream().map(Flag::creditCode).toList()), tax.toString());
        Flag out = tax.stream().filter(f -> f.creditCode().equals("OUT")).findFirst().orElseThrow();
        assertEquals("sales_value", out.indicator());
        assertEquals("records", out.kind());
        assertEquals("warning", out.severity());
        assertEquals(3000, out.value(), 1e-9);
        assertEquals(3 * 1000 / 1.251, out.expected(), 1e-6);
        assertTrue(out.message().contains("+25.1%") && out.message().contains("±25.0%")
                && out.message().contains("2025-04至2025-06") && out.message().contains("3000"), out.message());
        assertEquals(4, res.confronted().get(Records.TAX).size());
    }

    @Test
    void unitsWithoutRecordsAreNeitherFlaggedNorCounted() {
        Case c = new Case(industrial(), "2025-06", "A", "B");
        c.three(0, "sales_value", 1000).three(1, "sales_value", 1000).three(0, "electricity", 50)
                .three(1, "electricity", 50);
        FakeRecords r = new FakeRecords().month(Records.TAX, "A", "2025-06", 1000);
        Confront.Result res = c.run(r);
        assertEquals(List.of(), res.flags());
        assertEquals(Set.of("A"), res.confronted().get(Records.TAX));
        assertEquals(Set.of(), res.confronted().get(Records.POWER));
        assertEquals(Set.of(), res.confronted().get(Records.LEDGER));
    }

    @Test
    void missingMonthsAreLeftOutOfBothSums() {
        // the unit reported three months of 1000; invoices for May only: 1000 against 1000, no flag (a sum over three
        // months against one month's invoices would differ by 200%)
        Case c = new Case(industrial(), "2025-06", "A", "B");
        c.three(0, "sales_value", 1000);
        // B did not report April: May and June against their invoices
        c.set(1, 0, "sales_value", 1000).set(1, 1, "sales_value", 1000);
        FakeRecords r = new FakeRecords().month(Records.TAX, "A", "2025-05", 1000);
        r.month(Records.TAX, "B", "2025-04", 99999).month(Records.TAX, "B", "2025-05", 1300)
                .month(Records.TAX, "B", "2025-06", 1300);
        Confront.Result res = c.run(r);
        assertEquals(List.of(), of(res, Confront.TAX).stream().filter(f -> f.creditCode().equals("A")).toList());
        // B: 2000 against 2600 = -23.1%: in the band although April's invoices are huge
        assertEquals(List.of(), of(res, Confront.TAX), res.flags().toString());
        r.month(Records.TAX, "B", "2025-06", 1500); // 2000 against 2800 = -28.6%
        Flag b = of(c.run(r), Confront.TAX).get(0);
        assertEquals("B", b.creditCode());
        assertEquals(2000, b.value(), 1e-9);
        assertEquals(2800, b.expected(), 1e-9);
        assertTrue(b.message().contains("（2个月）"), b.message());
    }

    @Test
    void aJanuaryFebruaryReportIsConfrontedWithBothMonthsInvoices() {
        // March run: March 1000, February reported as 1-2月 (2000), no January report; invoices 1000 each month
        Case c = new Case(industrial(), "2025-03", "A");
        c.set(0, 0, "sales_value", 1000).set(0, 1, "sales_value", 2000);
        FakeRecords r = new FakeRecords();
        for (String m : List.of("2025-01", "2025-02", "2025-03")) {
            r.month(Records.TAX, "A", m, 1000);
        }
        assertEquals(List.of(), c.run(r).flags());
        // a separate January report makes February a month of its own: 2000 against 1000 in February
        c.set(0, 2, "sales_value", 1000);
        Flag f = of(c.run(r), Confront.TAX).get(0);
        assertEquals(4000, f.value(), 1e-9);
        assertEquals(3000, f.expected(), 1e-9);
    }

    @Test
    void servicesRevenueIsConfrontedMonthByMonthFromTheYearToDate() {
        FormSpec services = TestForms.spec(TestForms.services());
        // May run: ytd Feb 2000 (1-2月), Mar 3000, Apr 4000, May 5000: months 1000, 1000, 1000
        Case c = new Case(services, "2025-05", "S1", "S2");
        for (int u = 0; u < 2; u++) {
            c.set(u, 0, "revenue_ytd", 5000).set(u, 1, "revenue_ytd", 4000).set(u, 2, "revenue_ytd", 3000)
                    .set(u, 3, "revenue_ytd", 2000);
        }
        FakeRecords r = new FakeRecords();
        for (String m : List.of("2025-03", "2025-04", "2025-05")) {
            r.month(Records.TAX, "S1", m, 1000);
            r.month(Records.TAX, "S2", m, 770); // 3000 against 2310: +29.9%
        }
        List<Flag> tax = of(c.run(r), Confront.TAX);
        assertEquals(1, tax.size(), tax.toString());
        assertEquals("S2", tax.get(0).creditCode());
        assertEquals("revenue_ytd", tax.get(0).indicator());
        assertEquals(3000, tax.get(0).value(), 1e-9);
        // March run of a services unit that reported 1-2月: February's ytd as is, against January and February
        Case m = new Case(services, "2025-03", "S3");
        m.set(0, 0, "revenue_ytd", 3000).set(0, 1, "revenue_ytd", 2000);
        FakeRecords r3 = new FakeRecords().month(Records.TAX, "S3", "2025-01", 1000)
                .month(Records.TAX, "S3", "2025-02", 1000).month(Records.TAX, "S3", "2025-03", 1000);
        Confront.Result res = m.run(r3);
        assertEquals(List.of(), res.flags());
        assertEquals(Set.of("S3"), res.confronted().get(Records.TAX));
        // January's ytd is January's month: a February run with January reported
        Case j = new Case(services, "2025-02", "S4");
        j.set(0, 0, "revenue_ytd", 2600).set(0, 1, "revenue_ytd", 1000);
        FakeRecords r4 = new FakeRecords().month(Records.TAX, "S4", "2025-01", 1000)
                .month(Records.TAX, "S4", "2025-02", 1000);
        Flag f = of(j.run(r4), Confront.TAX).get(0); // 1000 + 1600 against 2000 = +30%
        assertEquals(2600, f.value(), 1e-9);
        assertEquals(2000, f.expected(), 1e-9);
    }

    @Test
    void tradeConfrontsSalesOrTurnoverWhicheverTheUnitReports() {
        FormSpec trade = TestForms.spec(TestForms.trade());
        Case c = new Case(trade, "2025-06", "SHOP", "HOTEL");
        c.three(0, "sales", 1000).three(1, "turnover", 500);
        FakeRecords r = new FakeRecords();
        for (String m : List.of("2025-04", "2025-05", "2025-06")) {
            r.month(Records.TAX, "SHOP", m, 700); // -> +42.9%
            r.month(Records.TAX, "HOTEL", m, 380); // -> +31.6%
            r.month(Records.POWER, "SHOP", m, 1); // trade declares no power indicator: never confronted
        }
        Confront.Result res = c.run(r);
        List<Flag> tax = of(res, Confront.TAX);
        assertEquals(Map.of("SHOP", "sales", "HOTEL", "turnover"), Map.of(tax.get(0).creditCode(),
                tax.get(0).indicator(), tax.get(1).creditCode(), tax.get(1).indicator()));
        assertTrue(res.confronted().get(Records.POWER) == null);
        assertEquals(List.of(), of(res, Confront.POWER));
    }

    @Test
    void powerBandJustInsideAndJustOutside() {
        Case c = new Case(industrial(), "2025-06", "IN", "OUT");
        c.three(0, "electricity", 100).three(1, "electricity", 100);
        FakeRecords r = new FakeRecords();
        for (String m : List.of("2025-04", "2025-05", "2025-06")) {
            r.month(Records.POWER, "IN", m, 100 / 1.199);
            r.month(Records.POWER, "OUT", m, 100 / 0.799); // -20.1%
        }
        List<Flag> power = of(c.run(r), Confront.POWER);
        assertEquals(1, power.size(), power.toString());
        Flag f = power.get(0);
        assertEquals("OUT", f.creditCode());
        assertEquals("electricity", f.indicator());
        assertEquals(300, f.value(), 1e-9);
        assertTrue(f.message().contains("-20.1%") && f.message().contains("±20.0%")
                && f.message().contains("万千瓦时"), f.message());
        // a band of ±30% (a setting) takes it in
        assertEquals(List.of(), of(Confront.run(c.form, c.p, r, new Confront.Bands(0.25, 0.30, 1)), Confront.POWER));
    }

    @Test
    void ledgerDiffersByMoreThanOneThousandYuan() {
        Case c = new Case(industrial(), "2025-06", "IN", "OUT", "NONE");
        for (int u = 0; u < 3; u++) {
            c.set(u, 0, "sales_value", 1000).set(u, 0, "output_value", 1200).set(u, 1, "sales_value", 5);
        }
        FakeRecords r = new FakeRecords().ledger("IN", "2025-06", "sales_value", 1001)
                .ledger("IN", "2025-06", "output_value", 1199)
                .ledger("OUT", "2025-06", "sales_value", 1000).ledger("OUT", "2025-06", "工业总产值", 1201.5)
                .ledger("OUT", "2025-05", "sales_value", 999) // last month's ledger is last month's run's
                .ledger("NONE", "2025-05", "sales_value", 1);
        Confront.Result res = c.run(r);
        List<Flag> ledger = of(res, Confront.LEDGER);
        assertEquals(1, ledger.size(), ledger.toString());
        Flag f = ledger.get(0);
        assertEquals("OUT", f.creditCode());
        assertEquals("output_value", f.indicator());
        assertEquals("error", f.severity());
        assertEquals(1200, f.value(), 1e-9);
        assertEquals(1201.5, f.expected(), 1e-9);
        assertTrue(f.message().contains("台账 1201.5") && f.message().contains("允差 1"), f.message());
        assertEquals(Set.of("IN", "OUT"), res.confronted().get(Records.LEDGER));
    }

    @Test
    void zeroInvoicesAgainstReportedSalesIsFlagged() {
        Case c = new Case(industrial(), "2025-06", "A");
        c.set(0, 0, "sales_value", 10);
        FakeRecords r = new FakeRecords().month(Records.TAX, "A", "2025-06", 0);
        Flag f = of(c.run(r), Confront.TAX).get(0);
        assertEquals(10, f.value(), 1e-9);
        assertEquals(0, f.expected(), 1e-9);
    }

    @Test
    void sumsAreStoredAsTheirAddendsWereWritten() {
        assertEquals("11927.21", String.valueOf(Confront.tidy(3975.73 + 3975.74 + 3975.74)));
        assertEquals("0.3", String.valueOf(Confront.tidy(0.1 + 0.2)));
    }
}
