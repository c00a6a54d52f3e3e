package org.statdesk.industrial.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Issue 16 §6: the demo's records agree with its reports but for the divergences planted, deterministically. */
class DemoRecordsTest {
    static final int LAST = 2026 * 12 + 9;

    /** code → period → value of a records CSV's third column (tax, power). */
    static Map<String, Map<String, Double>> monthly(StringBuilder csv) {
        Map<String, Map<String, Double>> out = new HashMap<>();
        String[] lines = csv.toString().split("\n");
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(",");
            out.computeIfAbsent(f[0], k -> new HashMap<>()).put(f[1], Double.parseDouble(f[2]));
        }
        return out;
    }

    /** code → period → indicator → value of the reports. */
    static Map<String, Map<String, Map<String, Double>>> reports(DemoData d) {
        Map<String, Map<String, Map<String, Double>>> out = new HashMap<>();
        for (String line : d.reportsOf.get("industrial").toString().split("\n")) {
            String[] f = line.split(",");
            out.computeIfAbsent(f[0], k -> new HashMap<>()).computeIfAbsent(f[1], k -> new HashMap<>())
                    .put(f[2], Double.parseDouble(f[3]));
        }
        return out;
    }

    @Test
    void recordsAgreeWithTheReportsButForThePlanted() throws Exception {
        DemoData d = new DemoData(7, LAST);
        DemoRecords r = new DemoRecords(d, 7, LAST);
        Map<String, Map<String, Map<String, Double>>> reports = reports(d);
        Map<String, Map<String, Double>> tax = monthly(r.tax);
        Map<String, Map<String, Double>> power = monthly(r.power);
        Set<String> taxLow = codes(r, "tax");
        Set<String> powerOff = codes(r, "power");
        assertEquals(3, taxLow.size());
        assertEquals(2, powerOff.size());
        Set<String> reportPlanted = d.planted.stream().map(DemoData.Planted::creditCode).collect(Collectors.toSet());
        Set<String> lastThree = Set.of(DemoData.period(LAST - 2), DemoData.period(LAST - 1), DemoData.period(LAST));
        int compared = 0;
        for (var unit : reports.entrySet()) {
            String code = unit.getKey();
            for (var month : unit.getValue().entrySet()) {
                double sales = month.getValue().get("sales_value");
                double elec = month.getValue().get("electricity");
                Double t = tax.get(code).get(month.getKey());
                Double p = power.get(code).get(month.getKey());
                boolean plantedMonth = lastThree.contains(month.getKey());
                if (taxLow.contains(code) && plantedMonth) {
                    assertTrue(t <= sales * 0.61 && t >= sales * 0.39, code + " " + t + " vs " + sales);
                } else if (!reportPlanted.contains(code) && sales > 0) {
                    assertTrue(Math.abs(t / sales - 1) <= 0.10, code + " " + month.getKey() + " " + t + " vs " + sales);
                    compared++;
                }
                if (powerOff.contains(code) && plantedMonth) {
                    assertEquals(0.35, Math.abs(p / elec - 1), 0.02, code);
                } else if (!reportPlanted.contains(code) && elec > 0.5) {
                    assertTrue(Math.abs(p / elec - 1) <= 0.08 + 0.01 / elec, code + " " + p + " vs " + elec);
                }
            }
        }
        assertTrue(compared > 30_000, "compared " + compared);
        // the ledger: equal to the reports for output and sales, but for two units in the last month
        int mismatches = 0;
        String[] lines = r.ledger.toString().split("\n");
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(",");
            double reported = reports.get(f[0]).get(f[1]).get(f[2]);
            double diff = Math.abs(Double.parseDouble(f[3]) - reported);
            if (diff > 1e-6) {
                assertTrue(diff > 1 && f[1].equals(DemoData.period(LAST)), lines[i]);
                mismatches++;
            }
        }
        assertEquals(2, mismatches);
    }

    @Test
    void theMarketHoldsEveryUnitAndTheCandidates() throws Exception {
        DemoData d = new DemoData(7, LAST);
        DemoRecords r = new DemoRecords(d, 7, LAST);
        Set<String> register = d.recordUnits.stream().map(u -> u.code).collect(Collectors.toSet());
        Map<String, String[]> market = new HashMap<>();
        String[] lines = r.market.toString().split("\n");
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(",");
            market.put(f[0], f);
        }
        assertTrue(market.keySet().containsAll(register));
        List<String[]> gone = market.values().stream().filter(f -> f[2].equals("注销") || f[2].equals("吊销")).toList();
        assertEquals(2, gone.size());
        gone.forEach(f -> assertTrue(register.contains(f[0]) && f[3].matches("\\d{4}-\\d{2}-\\d{2}")));
        Map<String, Map<String, Double>> tax = monthly(r.tax);
        Set<String> outside = new HashSet<>(market.keySet());
        outside.removeAll(register);
        assertEquals(6, outside.size());
        int above = 0;
        int below = 0;
        for (String code : outside) {
            String[] f = market.get(code);
            assertEquals("存续", f[2]);
            double threshold = f[4].startsWith("F52") ? 5_000 : 20_000;
            Map<String, Double> months = tax.get(code);
            assertEquals(12, months.size());
            double year = months.values().stream().mapToDouble(Double::doubleValue).sum();
            if (year > threshold) {
                above++;
            } else {
                assertTrue(year > threshold * 0.9, code + " " + year);
                below++;
            }
        }
        assertEquals(4, above);
        assertEquals(2, below);
        assertFalse(r.planted.isEmpty());
    }

    @Test
    void theSameSeedGivesTheSameRecords() throws Exception {
        DemoRecords a = new DemoRecords(new DemoData(7, LAST), 7, LAST);
        DemoRecords b = new DemoRecords(new DemoData(7, LAST), 7, LAST);
        assertEquals(a.tax.toString(), b.tax.toString());
        assertEquals(a.market.toString(), b.market.toString());
        assertEquals(a.planted, b.planted);
    }

    private static Set<String> codes(DemoRecords r, String source) {
        return r.planted.stream().filter(p -> p.source().equals(source)).map(DemoRecords.Planted::creditCode)
                .collect(Collectors.toSet());
    }
}
