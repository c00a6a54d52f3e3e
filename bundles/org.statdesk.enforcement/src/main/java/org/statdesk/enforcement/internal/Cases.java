package org.statdesk.enforcement.internal;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Checks of drawn targets (检查) with their checklist findings, and violation cases (统计违法案件). */
interface Cases {
    /** The checklist (检查清单): item code to what is checked. */
    Map<String, String> CHECKLIST = ordered("lawful_reporting", "依法如实、按时报送统计资料",
            "records_agree", "原始记录、统计台账与统计报表一致",
            "ledger_kept", "建立规范的统计台账和凭证档案",
            "statistician", "统计人员在岗，变动已报备",
            "size_true", "规模、行业等入库信息真实（无虚报规模）",
            "no_interference", "无领导干部违规干预、无跑数要数");

    /** Violation kinds: code to Chinese term. */
    Map<String, String> VIOLATIONS = ordered("late", "迟报", "refused", "拒报", "concealed", "瞒报", "false", "虚报",
            "falsified", "伪造篡改");

    /** Case status: 立案 filed → 已作出处理决定 decided → 结案 closed. */
    List<String> STATUSES = List.of("filed", "decided", "closed");

    record Finding(String item, String description, boolean passed) {
    }

    record CheckJson(long id, long drawId, String targetCode, String countyCode, String date, List<Finding> findings,
            String note, List<Long> ledgerItems) {
    }

    record CaseJson(long id, String unitCode, String unitName, String countyCode, String violation,
            String violationName, String facts, String decision, String penalty, String filedOn, String deadline,
            String status, Long checkId, String closedOn, boolean overdue) {
    }

    /** Records a check; each failed item opens a rectification item for the target, due by {@code deadline}. */
    CheckJson recordCheck(long drawId, String code, LocalDate date, List<String> failed, String note,
            LocalDate deadline) throws Exception;

    /** Files a case (立案) on a unit of the register, optionally on a check of it. */
    CaseJson open(String unitCode, String violation, String facts, LocalDate filedOn, Long checkId, LocalDate deadline)
            throws Exception;

    /**
     * Moves a case on: decision, penalty, deadline, status. A decided case needs a decision; a closed one cannot be
     * reopened or changed; status only moves forward.
     */
    CaseJson update(long id, String decision, String penalty, LocalDate deadline, String status, LocalDate on,
            String reason) throws Exception;

    CaseJson get(long id) throws Exception;

    /** The cases, or those with one status ({@code status} null: all). */
    List<CaseJson> list(String status) throws Exception;

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return Collections.unmodifiableMap(m);
    }
}
