package org.statdesk.launcher.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The four printed documents on demo data through the real distribution (PDFBox and its font resolved in Felix): each
 * document's text as {@code pdftotext} gives it back holds the Chinese heading, the journal head as {@code audit:head}
 * prints it, and the figures the JSON commands report.
 */
class DocumentsIT {
    private final Dist dist = Dist.built();

    @TempDir
    Path tmp;

    @Test
    void theFourDocumentsStateTheServicesFigures() throws Exception {
        String d = tmp.resolve("data").toString();
        Dist.Result demo = dist.run("--data", d, "run", "demo:load", "--json");
        assertEquals(0, demo.exit(), demo::toString);
        String period = demo.json().get("last_period").asText();
        String applied = Units.creditCode("620602", 77123);
        Dist.Result apply = dist.run("--data", d, "run", "registry:apply", "--credit_code", applied, "--name",
                "凉州区祥瑞农产品加工有限公司", "--division_code", "620602001", "--industry_code", "C1391", "--revenue",
                "800", "--address", "凉州区东关街88号", "--statistician", "王丽", "--phone", "13909351234", "--reason",
                "新开业申请入库", "--json");
        assertEquals(0, apply.exit(), apply::toString);
        int findings = apply.json().get("findings").size();
        assertTrue(findings > 0, "revenue below the entry threshold is a finding: " + apply);
        JsonNode head = dist.run("--data", d, "run", "audit:head", "--json").json();
        String journalHead = head.get("seq").asText() + ":" + head.get("hash").asText();

        Path missing = tmp.resolve("missing.pdf");
        Dist.Result m = dist.run("--data", d, "run", "report:missing", "--period", period, "--out", missing.toString(),
                "--json");
        assertEquals(0, m.exit(), m::toString);
        assertFalse(m.err().contains("Log4j"), "PDFBox's logging says nothing on stderr: " + m.err());
        JsonNode city = cityRates(d, period);
        int due = city.get("due").asInt();
        int reported = city.get("reported").asInt();
        JsonNode figures = m.json().get("figures");
        assertEquals(due, figures.get("due").asInt(), m::toString);
        assertEquals(reported, figures.get("reported").asInt());
        assertEquals(due - reported, figures.get("missing").asInt());
        assertEquals(reported - city.get("timely").asInt(), figures.get("late").asInt());
        assertEquals(journalHead, m.json().get("journal_head").asText());
        String text = pdftotext(missing);
        assertTrue(text.contains("武威市统计局") && text.contains("未报、迟报单位名单"), text);
        assertTrue(flat(text).contains(flat("应报单位 " + due + " 个，已报 " + reported + " 个，未报 " + (due - reported)
                + " 个")), text);
        assertTrue(flat(text).contains(flat("审计日志头 " + journalHead)), "the journal head at the foot");
        assertTrue(flat(text).contains("第1页共" + m.json().get("pages").asInt() + "页"), text);

        Path forms = tmp.resolve("field-check.pdf");
        Dist.Result f = dist.run("--data", d, "run", "report:field-check", "--county", "620602", "--out",
                forms.toString(), "--json");
        assertEquals(0, f.exit(), f::toString);
        assertEquals(applied, f.json().get("codes").get(0).asText(), f::toString);
        assertEquals(1, f.json().get("figures").get("units").asInt());
        assertEquals(findings, f.json().get("figures").get("findings").asInt());
        String form = pdftotext(forms);
        assertTrue(form.contains("武威市统计局") && form.contains("实地核查表") && form.contains("凉州区祥瑞农产品加工有限公司")
                && form.contains("13909351234") && form.contains("县区审核发现：" + findings + " 条"), form);

        // the summary and the circular, with the year's draw made (demo:load brings the inspector roster)
        Dist.Result drawn = dist.run("--data", d, "run", "enforcement:draw", "--year", period.substring(0, 4), "--seed",
                "7", "--json");
        assertEquals(0, drawn.exit(), drawn::toString);
        int targets = dist.run("--data", d, "run", "enforcement:draws", "--year", period.substring(0, 4), "--json")
                .json().get("draws").get(0).get("targets").asInt();
        int inRegister = dist.run("--data", d, "run", "registry:list", "--status", "in_register", "--json").json()
                .get("units").size();
        Path summary = tmp.resolve("summary.pdf");
        Dist.Result s = dist.run("--data", d, "run", "report:summary", "--year", period.substring(0, 4), "--out",
                summary.toString(), "--json");
        assertEquals(0, s.exit(), s::toString);
        assertEquals(inRegister, s.json().get("figures").get("units_in_register").asInt(), s::toString);
        assertEquals(targets, s.json().get("figures").get("draw_targets").asInt(), s::toString);
        assertTrue(s.json().get("pages").asInt() >= 2, s::toString);
        String sum = flat(pdftotext(summary));
        assertTrue(sum.contains("武威市统计局") && sum.contains(flat("年度统计工作总结报告")), sum);
        assertTrue(sum.contains(flat("目前在库单位 " + inRegister + " 个")), sum);
        assertTrue(sum.contains(flat("双随机抽取对象共 " + targets + " 个（单位和乡镇合计）")), sum);
        int month = Integer.parseInt(period.substring(5));
        String quarter = period.substring(0, 4) + "Q" + ((month - 1) / 3 + 1);
        Path bulletin = tmp.resolve("bulletin.pdf");
        Dist.Result b = dist.run("--data", d, "run", "report:bulletin", "--quarter", quarter, "--out",
                bulletin.toString(), "--json");
        assertEquals(0, b.exit(), b::toString);
        int missingInQuarter = 0;
        for (int mm = (month - 1) / 3 * 3 + 1; mm <= month; mm++) {
            JsonNode all = cityRates(d, period.substring(0, 5) + String.format("%02d", mm));
            missingInQuarter += all.get("reported").asInt() == 0 ? 0 : all.get("due").asInt() - all.get("reported").asInt();
        }
        assertEquals(missingInQuarter, b.json().get("figures").get("missing").asInt(), b::toString);
        String bul = flat(pdftotext(bulletin));
        assertTrue(bul.contains("武威市统计局") && bul.contains(flat("季度统计工作通报")), bul);
        assertTrue(bul.contains(flat("本季度未报 " + b.json().get("figures").get("missing").asInt() + " 户次")), bul);

        Dist.Result inside = dist.run("--data", d, "run", "report:missing", "--period", period, "--out",
                tmp.resolve("data/missing.pdf").toString(), "--json");
        assertEquals(2, inside.exit(), inside::toString);
        assertTrue(Files.notExists(tmp.resolve("data/missing.pdf")));
    }

    /** The city's row of {@code review:rates} for a month. */
    private JsonNode cityRates(String data, String period) throws Exception {
        for (JsonNode r : dist.run("--data", data, "run", "review:rates", "--period", period, "--json").json()
                .get("rates")) {
            if (r.get("county").asText().equals("all") && r.get("specialty").asText().equals("all")) {
                return r;
            }
        }
        throw new AssertionError("review:rates has no city row for " + period);
    }

    private static String flat(String s) {
        return s.replaceAll("\\s+", "");
    }

    /** The text poppler's pdftotext reads from the PDF (what search and copy in a viewer give). */
    private static String pdftotext(Path pdf) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("pdftotext", "-enc", "UTF-8", pdf.toString(), "-"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "pdftotext (poppler-utils): " + out);
        return out;
    }
}
