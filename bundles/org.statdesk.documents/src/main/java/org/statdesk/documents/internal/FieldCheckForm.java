package org.statdesk.documents.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.statdesk.api.registry.Register;
import org.statdesk.api.registry.Unit;

/** The 实地核查表 of each unit, one unit to a page (a long list of findings runs on). */
final class FieldCheckForm {
    /** What the inspectors verify on site, each against what the unit declared. */
    static final List<String> ITEMS = List.of("单位名称与营业执照一致", "统一社会信用代码与营业执照一致",
            "实际经营地址与申报地址一致", "主要业务活动与申报行业一致", "上年营业收入与财务报表一致",
            "从业人员与工资表、社保记录一致", "统计人员及联系电话属实", "单位正常生产经营（非停业、未注销）");
    private static final Map<String, String> STATUS = Map.of("applied", "已申请，待县区审核", "county_checked",
            "县区已审核，待专业审核", "in_register", "在库", "rejected", "已驳回", "exited", "已退库");

    private final Register register;
    private final Map<String, List<JsonNode>> findings;
    private final Map<String, String> specialties;
    private final String bureau;

    /** {@code specialties}: a specialty's key to its report form as printed (the review's forms). */
    FieldCheckForm(Register register, Map<String, List<JsonNode>> findings, Map<String, String> specialties,
            String bureau) {
        this.register = register;
        this.findings = findings;
        this.specialties = specialties;
        this.bureau = bureau;
    }

    void draw(PdfDoc doc, List<Unit> units) throws IOException {
        if (units.isEmpty()) {
            doc.paragraph("本县区目前没有待核查的申请单位（状态为已申请或县区已审核的单位为 0 个），无需实地核查。");
            return;
        }
        doc.paragraph("共 " + units.size() + " 个单位，每个单位一页。核查人员逐项核对，填写核查结果并签名。");
        boolean first = true;
        for (Unit u : units) {
            if (!first) { // each unit's form is handed out on its own: it carries the heading too
                doc.newPage();
                doc.heading(bureau, "实地核查表", null);
            }
            first = false;
            unit(doc, u);
        }
    }

    private void unit(PdfDoc doc, Unit u) throws IOException {
        doc.section(u.name() + "（" + u.creditCode() + "）");
        String division = register.divisions().find(u.divisionCode()).map(d -> d.name()).orElse(u.divisionCode());
        float[] kv = {0.18f, 0.32f, 0.18f, 0.32f};
        doc.table(List.of("项目", "申报内容", "项目", "申报内容"), kv, List.of(
                List.of("单位名称", u.name(), "统一社会信用代码", u.creditCode()),
                List.of("单位地址", nz(u.address()), "所在县区、乡镇", Counties.name(register, u.countyCode()) + " "
                        + division),
                List.of("行业代码", nz(u.industryCode()), "专业", specialties.getOrDefault(u.specialty(), nz(u.specialty()))),
                List.of("规模", "above".equals(u.scale()) ? "规模以上（四上）" : "规模以下", "上年营业收入（千元）",
                        Figures.amount(u.revenue())),
                List.of("资质", nz(u.qualification()), "申请状态", STATUS.getOrDefault(u.status(), u.status())),
                List.of("统计人员", nz(u.statistician()), "联系电话", nz(u.phone()))));
        List<JsonNode> of = findings.getOrDefault(u.creditCode(), List.of());
        if (of.isEmpty()) {
            doc.paragraph("县区审核发现：无。");
        } else {
            doc.paragraph("县区审核发现：" + of.size() + " 条。");
            List<List<String>> rows = new ArrayList<>();
            for (JsonNode f : of) {
                rows.add(List.of(f.path("check").asText(), f.path("severity").asText(), f.path("message").asText(),
                        f.path("resolved").asBoolean() ? "已处理：" + f.path("resolved_reason").asText("") : "未处理"));
            }
            doc.table(List.of("核查项", "级别", "发现", "处理"), new float[] {0.18f, 0.1f, 0.47f, 0.25f}, rows);
        }
        List<List<String>> items = new ArrayList<>();
        int n = 1;
        for (String item : ITEMS) {
            items.add(List.of(String.valueOf(n++), item, "□ 一致　□ 不一致", ""));
        }
        doc.table(List.of("序号", "现场核查事项", "核查结果", "情况说明"), new float[] {0.08f, 0.42f, 0.22f, 0.28f},
                items);
        doc.box("核查结论（是否符合入库条件及理由）：", 54);
        doc.box("核查人员签名（两名持证人员）：　　　　　　　　　　　　　　　　核查日期：　　年　　月　　日\n"
                + "被核查单位负责人签名（盖章）：　　　　　　　　　　　　　　　　日期：　　年　　月　　日", 50);
    }

    private static String nz(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }
}
