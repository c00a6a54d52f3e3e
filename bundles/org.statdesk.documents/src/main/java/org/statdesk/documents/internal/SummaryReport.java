package org.statdesk.documents.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.statdesk.api.charts.ChartService;
import org.statdesk.api.registry.Register;
import org.statdesk.api.registry.Unit;
import org.statdesk.api.review.ReviewService.Rates;
import org.statdesk.documents.internal.SummaryCommand.Year;

/** The year's summary report laid out: each section prints what its service or command reported. */
final class SummaryReport {
    /**
     * The chart's size in pixels: 17 cm wide at about 150 dpi. The chart service lays out its fonts in pixels, so a
     * 300 dpi picture would print its labels at half the size; this one prints them at a readable 8-9 pt.
     */
    private static final int CHART_W = 1000;
    private static final int CHART_H = 560;

    private final Register register;
    private final ChartService charts;
    private final Year y;

    SummaryReport(Register register, ChartService charts, Year y) {
        this.register = register;
        this.charts = charts;
        this.y = y;
    }

    /** The total targets (units and townships together) of the year's active draw; 0 without one. */
    int drawTargets() {
        JsonNode d = activeDraw();
        return d == null ? 0 : d.path("targets").asInt();
    }

    private JsonNode activeDraw() {
        if (y.draws() != null) {
            for (JsonNode d : y.draws().path("draws")) {
                if (d.path("status").asText().equals("active")) {
                    return d;
                }
            }
        }
        return null;
    }

    private List<JsonNode> cases() {
        List<JsonNode> out = new ArrayList<>();
        if (y.cases() != null) {
            for (JsonNode c : y.cases().path("cases")) {
                if (c.path("filed_on").asText().startsWith(y.year() + "-")
                        && y.who().covers(c.path("county_code").asText(), y.who().specialty())) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    int caseCount() {
        return cases().size();
    }

    /**
     * 应统尽统 candidates as registry:candidates --all gives them: [found (open and resolved), still open], and the
     * resolved ones by result.
     */
    int[] candidates() {
        int found = 0;
        int open = 0;
        if (y.candidates() != null) {
            for (String kind : new String[] {"missing", "exit"}) {
                for (JsonNode c : y.candidates().path(kind)) {
                    found++;
                    open += c.path("resolution").isObject() ? 0 : 1;
                }
            }
            found += y.candidates().path("resolved").size();
        }
        return new int[] {found, open};
    }

    private Map<String, Integer> resolvedBy() {
        Map<String, Integer> out = new TreeMap<>();
        if (y.candidates() != null) {
            List<JsonNode> all = new ArrayList<>();
            y.candidates().path("missing").forEach(all::add);
            y.candidates().path("exit").forEach(all::add);
            for (JsonNode c : all) {
                if (c.path("resolution").isObject()) {
                    out.merge(c.path("resolution").path("result").asText(), 1, Integer::sum);
                }
            }
            y.candidates().path("resolved").forEach(r -> out.merge(r.path("result").asText(), 1, Integer::sum));
        }
        return out;
    }

    void draw(PdfDoc doc) throws IOException {
        doc.paragraph(y.year() + " 年，" + y.where() + "统计工作按照“应统尽统”和依法统计的要求开展。本报告的数字取自 StatDesk "
                + "的名录库、月报审核和执法记录，与相应命令的 JSON 输出一致，可由页脚的审计日志头核对。");
        register(doc);
        review(doc);
        training(doc);
        enforcement(doc);
    }

    private void register(PdfDoc doc) throws IOException {
        doc.section("一、名录库");
        Map<String, int[]> byCounty = new TreeMap<>();
        int entered = 0;
        for (Unit u : y.inRegister()) {
            int[] n = byCounty.computeIfAbsent(u.countyCode(), k -> new int[3]);
            n[0]++;
            n["above".equals(u.scale()) ? 1 : 2]++;
            entered += u.opened() != null && u.opened().startsWith(y.year() + "-") ? 1 : 0;
        }
        doc.paragraph("目前在库单位 " + y.inRegister().size() + " 个，其中本年度新入库 " + entered + " 个。");
        if (byCounty.isEmpty()) {
            doc.paragraph("名录库中没有在库单位。");
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        byCounty.forEach((c, n) -> rows.add(List.of(Counties.name(register, c), String.valueOf(n[0]),
                String.valueOf(n[1]), String.valueOf(n[2]))));
        doc.table(List.of("县区", "在库单位", "规模以上", "规模以下"), new float[] {0.4f, 0.2f, 0.2f, 0.2f}, rows);
        candidatesParagraph(doc);
    }

    private void candidatesParagraph(PdfDoc doc) throws IOException {
        if (y.candidates() == null) {
            return;
        }
        if (!y.candidates().path("records").asBoolean()) {
            doc.paragraph("应统尽统：尚未导入市场监管登记和税务发票等行政记录，本年度未作比对。");
            return;
        }
        int[] n = candidates();
        Map<String, Integer> by = resolvedBy();
        doc.paragraph("应统尽统：截至 " + y.candidates().path("as_of").asText() + "，依据市场监管登记和税务发票比对，发现应入库单位 "
                + y.candidates().path("missing").size() + " 个、应退库单位 " + y.candidates().path("exit").size()
                + " 个" + (y.candidates().path("resolved").size() > 0 ? "，另有已处理不再列为候选的 "
                        + y.candidates().path("resolved").size() + " 个" : "") + "；共 " + n[0] + " 个，已处理 "
                + (n[0] - n[1]) + " 个（已申请入库 " + by.getOrDefault("applied", 0) + " 个、已退库 "
                + by.getOrDefault("exited", 0) + " 个、已说明 " + by.getOrDefault("explained", 0) + " 个），待处理 " + n[1]
                + " 个。");
    }

    /** 台账规范达标率 of the last month by county, one column per specialty's form (review:ledgers' figures). */
    private void ledgers(PdfDoc doc) throws IOException {
        if (y.ledgers().isEmpty()) {
            doc.paragraph("本年度没有导入统计台账，台账规范达标率从略。");
            return;
        }
        doc.paragraph(y.lastPeriod() + " 报告期台账规范达标率（近三年报送月份均有台账的四上单位占比，目标 100%）：");
        Map<String, List<String>> byCounty = new TreeMap<>();
        List<String> titles = new ArrayList<>(y.ledgers().keySet());
        for (int i = 0; i < titles.size(); i++) {
            final int col = i;
            y.ledgers().get(titles.get(i)).path("counties").fields().forEachRemaining(e -> {
                if (e.getKey().equals("all") || !y.who().covers(e.getKey(), y.who().specialty())) {
                    return;
                }
                List<String> row = byCounty.computeIfAbsent(e.getKey(), k -> new ArrayList<>(
                        java.util.Collections.nCopies(titles.size(), "—")));
                JsonNode c = e.getValue();
                row.set(col, c.path("covered").asText() + "/" + c.path("units").asText() + "　"
                        + (c.path("rate").isNumber() ? Figures.percent(c.path("rate").asDouble()) : "—"));
            });
        }
        List<List<String>> rows = new ArrayList<>();
        byCounty.forEach((county, cells) -> {
            List<String> row = new ArrayList<>();
            row.add(Counties.name(register, county));
            row.addAll(cells);
            rows.add(row);
        });
        List<String> head = new ArrayList<>();
        head.add("县区");
        head.addAll(titles);
        float[] widths = new float[head.size()];
        widths[0] = 0.25f;
        for (int i = 1; i < widths.length; i++) {
            widths[i] = 0.75f / titles.size();
        }
        doc.table(head, widths, rows);
    }

    private void review(PdfDoc doc) throws IOException {
        doc.section("二、月报审核与上报率、及时率、准确率");
        if (y.months().isEmpty()) {
            doc.paragraph(y.year() + " 年度没有报送的月报，本节没有数据。");
            return;
        }
        doc.paragraph("本年度 " + y.months().size() + " 个报告期有月报数据。各月三率（目标均为 100%）和审核发现的问题如下：");
        List<List<String>> rows = new ArrayList<>();
        for (String[] m : y.months()) {
            rows.add(Arrays.asList(m));
        }
        doc.table(List.of("报告期", "应报", "已报", "上报率", "及时率", "准确率", "审核问题", "已处理"),
                new float[] {0.14f, 0.11f, 0.11f, 0.13f, 0.13f, 0.13f, 0.13f, 0.12f}, rows);
        doc.paragraph(y.lastPeriod() + " 报告期各县区三率：");
        List<List<String>> counties = new ArrayList<>();
        for (Map.Entry<String, Rates> e : y.lastRates().entrySet()) {
            Rates r = e.getValue();
            if (e.getKey().equals("all") || !y.who().covers(e.getKey(), y.who().specialty())) {
                continue;
            }
            boolean met = r.reportingRate() >= 1 && r.timelinessRate() >= 1 && r.accuracyRate() >= 1;
            counties.add(List.of(Counties.name(register, e.getKey()), String.valueOf(r.due()),
                    Figures.percent(r.reportingRate()), Figures.percent(r.timelinessRate()),
                    Figures.percent(r.accuracyRate()), met ? "达到" : "未达到"));
        }
        doc.table(List.of("县区", "应报", "上报率", "及时率", "准确率", "三率 100%"),
                new float[] {0.25f, 0.13f, 0.15f, 0.15f, 0.15f, 0.17f}, counties);
        chart(doc, y.lastPeriod());
        ledgers(doc);
    }

    private void chart(PdfDoc doc, String period) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            charts.export(ChartService.RATES, Map.of("period", period), "png", CHART_W, CHART_H, png);
        } catch (Exception e) {
            doc.paragraph("（三率图无法生成：" + e.getMessage() + "）");
            return;
        }
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.toByteArray()));
        doc.room(doc.width() * CHART_H / CHART_W + 20);
        doc.image(image, doc.width());
        doc.paragraph("图 1　" + period + " 报告期各县区上报率、及时率、准确率", 9);
    }

    private void training(PdfDoc doc) throws IOException {
        doc.section("三、统计人员培训");
        List<List<String>> rows = new ArrayList<>();
        if (y.training() != null) {
            for (JsonNode c : y.training().path("counties")) {
                if (y.who().covers(c.path("county_code").asText(), y.who().specialty())) {
                    rows.add(List.of(c.path("county_name").asText(), c.path("statisticians").asText(),
                            c.path("trained").asText(), Figures.percent(c.path("coverage").asDouble())));
                }
            }
        }
        if (rows.isEmpty()) {
            doc.paragraph("本年度没有统计人员培训记录。");
            return;
        }
        doc.table(List.of("县区", "统计人员", "本年已培训", "培训覆盖率"), new float[] {0.4f, 0.2f, 0.2f, 0.2f}, rows);
    }

    private void enforcement(PdfDoc doc) throws IOException {
        doc.section("四、双随机抽查、案件与整改");
        if (y.draws() == null && y.coverage() == null && y.cases() == null && y.ledger() == null) {
            doc.paragraph("执法监督功能未启用，本节从略。");
            return;
        }
        JsonNode draw = activeDraw();
        if (draw == null) {
            doc.paragraph(y.year() + " 年度尚未进行双随机抽取。");
        } else {
            doc.paragraph(y.year() + " 年度双随机抽取对象共 " + drawTargets() + " 个（单位和乡镇合计）。");
        }
        if (y.coverage() != null && draw != null) {
            List<List<String>> rows = new ArrayList<>();
            Map<String, String> names = Map.of("above", "规模以上单位", "township", "乡镇（街道）", "below", "规模以下单位");
            y.coverage().path("strata").fields().forEachRemaining(e -> {
                JsonNode s = e.getValue();
                rows.add(List.of(names.getOrDefault(e.getKey(), e.getKey()), s.path("population").asText(),
                        s.path("drawn").asText(), s.path("checked").asText(), Figures.percent(s.path("target").asDouble()),
                        s.path("achieved_share").isNumber() ? Figures.percent(s.path("achieved_share").asDouble()) : "—",
                        s.path("met").asBoolean() ? "达到" : "未达到"));
            });
            doc.table(List.of("类别", "总体", "抽中", "已检查", "目标", "实际覆盖", "是否达标"),
                    new float[] {0.2f, 0.12f, 0.12f, 0.12f, 0.12f, 0.16f, 0.16f}, rows);
        }
        List<JsonNode> cases = cases();
        Map<String, int[]> byViolation = new TreeMap<>();
        for (JsonNode c : cases) {
            int[] n = byViolation.computeIfAbsent(c.path("violation_name").asText(), k -> new int[3]);
            String st = c.path("status").asText();
            n[st.equals("closed") ? 2 : st.equals("decided") ? 1 : 0]++;
        }
        doc.paragraph("本年度立案 " + cases.size() + " 件。");
        if (!byViolation.isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            byViolation.forEach((v, n) -> rows.add(List.of(v, String.valueOf(n[0]), String.valueOf(n[1]),
                    String.valueOf(n[2]))));
            doc.table(List.of("违法类型", "已立案", "已决定", "已结案"), new float[] {0.4f, 0.2f, 0.2f, 0.2f}, rows);
        }
        if (y.ledger() != null) {
            List<List<String>> rows = new ArrayList<>();
            y.ledger().path("counties").fields().forEachRemaining(e -> {
                if (y.who().covers(e.getKey(), y.who().specialty())) {
                    JsonNode p = e.getValue();
                    rows.add(List.of(Counties.name(register, e.getKey()), p.path("total").asText(),
                            p.path("closed").asText(), p.path("open").asText(), p.path("overdue").asText()));
                }
            });
            if (rows.isEmpty()) {
                doc.paragraph("整改台账中没有问题。");
            } else {
                doc.paragraph("整改台账：");
                doc.table(List.of("县区", "问题", "已销号", "整改中", "逾期"), new float[] {0.32f, 0.17f, 0.17f, 0.17f, 0.17f},
                        rows);
            }
        }
    }
}
