package org.statdesk.documents.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.statdesk.api.registry.Register;
import org.statdesk.api.registry.Unit;
import org.statdesk.api.review.ReviewService.Filing;
import org.statdesk.api.review.ReviewService.Rates;

/** The quarter's circular laid out from what {@link BulletinCommand} gathered. */
final class BulletinReport {
    private final Register register;
    private final String quarter;
    private final List<String> months;
    private final String ranked;
    private final List<Map.Entry<String, Rates>> ranking;
    private final List<BulletinCommand.Gap> gaps;
    private final Map<String, Unit> units;
    private final Map<String, Integer> targets;
    private final List<JsonNode> cases;
    private final List<JsonNode> items;
    private final boolean enforcement;

    BulletinReport(Register register, String quarter, List<String> months, String ranked,
            List<Map.Entry<String, Rates>> ranking, List<BulletinCommand.Gap> gaps, Map<String, Unit> units,
            Map<String, Integer> targets, List<JsonNode> cases, List<JsonNode> items, boolean enforcement) {
        this.register = register;
        this.quarter = quarter;
        this.months = months;
        this.ranked = ranked;
        this.ranking = ranking;
        this.gaps = gaps;
        this.units = units;
        this.targets = targets;
        this.cases = cases;
        this.items = items;
        this.enforcement = enforcement;
    }

    void draw(PdfDoc doc) throws IOException {
        if (months.isEmpty() && targets.isEmpty() && cases.isEmpty() && items.isEmpty()) {
            doc.paragraph(quarter + " 没有报送的月报，也没有抽查、立案和整改记录，本季度无通报事项。");
            return;
        }
        doc.paragraph("现将 " + quarter + " 统计数据报送质量和统计执法检查情况通报如下。");
        doc.section("一、各县区报送情况排名");
        if (ranked == null) {
            doc.paragraph("本季度没有报送的月报。");
        } else {
            doc.paragraph("按季末报告期 " + ranked + " 的上报率、及时率排名（本季度有数据的报告期："
                    + String.join("、", months) + "）：");
            List<List<String>> rows = new ArrayList<>();
            int n = 1;
            for (Map.Entry<String, Rates> e : ranking) {
                Rates r = e.getValue();
                rows.add(List.of(String.valueOf(n++), Counties.name(register, e.getKey()), String.valueOf(r.due()),
                        Figures.percent(r.reportingRate()), Figures.percent(r.timelinessRate()),
                        Figures.percent(r.accuracyRate())));
            }
            doc.table(List.of("名次", "县区", "应报", "上报率", "及时率", "准确率"),
                    new float[] {0.1f, 0.3f, 0.12f, 0.16f, 0.16f, 0.16f}, rows);
        }
        doc.section("二、未报、迟报单位");
        long missing = gaps.stream().filter(g -> !g.filing().reported()).count();
        doc.paragraph("本季度未报 " + missing + " 户次，迟报 " + (gaps.size() - missing) + " 户次。");
        if (!gaps.isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            for (BulletinCommand.Gap g : gaps) {
                Filing f = g.filing();
                Unit u = units.get(f.creditCode());
                rows.add(List.of(Counties.name(register, f.county()), f.creditCode(), u == null ? "" : u.name(),
                        g.period(), f.reported() ? "迟报，" + f.filedOn() + " 报送" : "未报"));
            }
            doc.table(List.of("县区", "统一社会信用代码", "单位名称", "报告期", "情况"),
                    new float[] {0.13f, 0.25f, 0.29f, 0.11f, 0.22f}, rows);
        }
        doc.section("三、双随机抽查、立案和整改");
        if (!enforcement) {
            doc.paragraph("执法监督功能未启用，本节从略。");
            return;
        }
        if (targets.isEmpty()) {
            doc.paragraph("本年度尚无有效的双随机抽取结果。");
        } else {
            List<List<String>> rows = new ArrayList<>();
            targets.forEach((c, n) -> rows.add(List.of(Counties.name(register, c), String.valueOf(n))));
            doc.table(List.of("县区", "本年度抽查对象"), new float[] {0.6f, 0.4f}, rows);
        }
        doc.paragraph("本季度立案 " + cases.size() + " 件（迟报、拒报、弄虚作假等）。");
        if (!cases.isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            for (JsonNode c : cases) {
                rows.add(List.of(c.path("filed_on").asText(), c.path("unit_code").asText(), c.path("unit_name").asText(),
                        c.path("violation_name").asText(), c.path("deadline").asText("")));
            }
            doc.table(List.of("立案日期", "统一社会信用代码", "单位名称", "违法类型", "整改期限"),
                    new float[] {0.15f, 0.25f, 0.3f, 0.15f, 0.15f}, rows);
        }
        doc.paragraph("本季度新增整改问题 " + items.size() + " 个。");
        if (!items.isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            for (JsonNode i : items) {
                rows.add(List.of(i.path("owner_code").asText(), i.path("problem").asText(), i.path("deadline").asText(),
                        i.path("status").asText().equals("closed") ? "已销号" : i.path("overdue").asBoolean() ? "逾期"
                                : "整改中"));
            }
            doc.table(List.of("责任单位", "问题", "整改期限", "状态"), new float[] {0.25f, 0.45f, 0.15f, 0.15f}, rows);
        }
    }
}
