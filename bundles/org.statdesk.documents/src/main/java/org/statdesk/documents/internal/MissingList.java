package org.statdesk.documents.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.statdesk.api.registry.Unit;
import org.statdesk.api.review.ReviewService.Filing;
import org.statdesk.api.review.ReviewService.Rates;
import org.statdesk.documents.internal.MissingCommand.CountyGaps;

/** The list of units that did not report, or reported late, by county. */
final class MissingList {
    private static final String[] NUMBERS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

    private final String period;
    private final Map<String, Unit> units;
    private final List<CountyGaps> counties;
    private final Rates total;

    MissingList(String period, Map<String, Unit> units, List<CountyGaps> counties, Rates total) {
        this.period = period;
        this.units = units;
        this.counties = counties;
        this.total = total;
    }

    void draw(PdfDoc doc) throws IOException {
        if (total == null || total.due() == 0) {
            doc.paragraph(period + " 报告期没有应报单位（在库的规模以上单位中没有启用报表的专业），因此没有未报、迟报单位。");
            return;
        }
        int missing = total.due() - total.reported();
        int late = total.reported() - total.timely();
        doc.paragraph(period + " 报告期应报单位 " + total.due() + " 个，已报 " + total.reported() + " 个，未报 " + missing
                + " 个，迟报（截止日期后报送）" + late + " 个；上报率 " + Figures.percent(total.reportingRate())
                + "，及时率 " + Figures.percent(total.timelinessRate()) + "。");
        List<List<String>> rows = new ArrayList<>();
        for (CountyGaps g : counties) {
            rows.add(List.of(g.name(), String.valueOf(g.rates().due()), String.valueOf(g.rates().reported()),
                    String.valueOf(g.missingCount()), String.valueOf(g.lateCount()),
                    Figures.percent(g.rates().reportingRate()), Figures.percent(g.rates().timelinessRate())));
        }
        doc.table(List.of("县区", "应报", "已报", "未报", "迟报", "上报率", "及时率"),
                new float[] {0.22f, 0.12f, 0.12f, 0.12f, 0.12f, 0.15f, 0.15f}, rows);
        int n = 0;
        for (CountyGaps g : counties) {
            if (g.missing().isEmpty() && g.late().isEmpty()) {
                continue;
            }
            String number = n < NUMBERS.length ? NUMBERS[n] : String.valueOf(n + 1);
            n++;
            doc.section(number + "、" + g.name() + "：未报 " + g.missingCount() + " 个，迟报 " + g.lateCount() + " 个");
            if (!g.missing().isEmpty()) {
                doc.paragraph("未报单位：");
                doc.table(List.of("序号", "统一社会信用代码", "单位名称", "报表", "统计人员", "联系电话"),
                        new float[] {0.07f, 0.23f, 0.3f, 0.1f, 0.12f, 0.18f}, rows(g.missing(), false));
            }
            if (!g.late().isEmpty()) {
                doc.paragraph("迟报单位：");
                doc.table(List.of("序号", "统一社会信用代码", "单位名称", "报送日期", "截止日期", "统计人员", "联系电话"),
                        new float[] {0.07f, 0.2f, 0.23f, 0.12f, 0.12f, 0.11f, 0.15f}, rows(g.late(), true));
            }
        }
        if (n == 0) {
            doc.paragraph("各县区本期均已按时报送，没有未报、迟报单位。");
        }
    }

    private List<List<String>> rows(List<Filing> filings, boolean late) {
        List<List<String>> rows = new ArrayList<>();
        int i = 1;
        for (Filing f : filings) {
            Unit u = units.get(f.creditCode());
            String name = u == null ? "" : u.name();
            String who = u == null || u.statistician() == null ? "" : u.statistician();
            String phone = u == null || u.phone() == null ? "" : u.phone();
            rows.add(late ? List.of(String.valueOf(i++), f.creditCode(), name, f.filedOn(), f.deadline(), who, phone)
                    : List.of(String.valueOf(i++), f.creditCode(), name, f.form(), who, phone));
        }
        return rows;
    }
}
