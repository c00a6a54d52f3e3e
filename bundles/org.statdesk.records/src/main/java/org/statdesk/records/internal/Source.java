package org.statdesk.records.internal;

import java.util.List;
import java.util.Locale;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.command.InputError;
import org.statdesk.api.input.Columns;
import org.statdesk.api.records.Records;

/**
 * The four sources of records and their columns: the English codes are the contract of {@code records:import}; the
 * Chinese names are the ones the tax, power and market exports and the units' ledgers carry (docs/formats.md).
 */
enum Source {
    TAX(Records.TAX, List.of(Columns.CREDIT_CODE, period(), new Columns.Field("invoice_sales", Columns.THOUSAND_YUAN,
            List.of("开票销售额", "增值税开票销售额", "发票销售额", "销售额")))),
    POWER(Records.POWER, List.of(Columns.CREDIT_CODE, period(), new Columns.Field("kwh", "万千瓦时",
            List.of("用电量", "售电量", "抄见电量")))),
    MARKET(Records.MARKET, List.of(Columns.CREDIT_CODE,
            new Columns.Field("name", null, List.of("单位名称", "名称", "企业名称", "市场主体名称")),
            new Columns.Field("status", null, List.of("登记状态", "状态", "经营状态")),
            new Columns.Field("status_date", null, List.of("状态日期", "核准日期", "变更日期")),
            new Columns.Field("industry_code", null, List.of("行业代码", "国民经济行业代码")),
            new Columns.Field("division_code", null, List.of("区划代码", "行政区划代码", "住所区划代码")),
            new Columns.Field("registered_capital", "万元", List.of("注册资本")))),
    LEDGER(Records.LEDGER, List.of(Columns.CREDIT_CODE, period(),
            new Columns.Field("indicator", null, List.of("指标", "指标代码")),
            new Columns.Field("value", null, List.of("数值", "本期值", "本月值"))));

    final String code;
    final List<Columns.Field> fields;

    Source(String code, List<Columns.Field> fields) {
        this.code = code;
        this.fields = fields;
    }

    /** The report period with the names ledgers and exports also use (期别, 所属期, 月份). */
    private static Columns.Field period() {
        return new Columns.Field("period", null, List.of("报告期", "报告期别", "时期", "期别", "所属期", "月份"));
    }

    /** Whether the source's records are figures by month (all but the market registrations). */
    boolean monthly() {
        return this != MARKET;
    }

    /** The columns a file must have; the market's status date, codes and capital may be left out. */
    List<String> required() {
        return this == MARKET ? List.of("credit_code", "name", "status")
                : fields.stream().map(Columns.Field::code).toList();
    }

    /** The source named by {@code --source}; bad input naming the four otherwise. */
    static Source of(String name) {
        for (Source s : values()) {
            if (s.code.equals(name == null ? null : name.strip().toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new BadInputException("--source must be tax, power, market or ledger", List.of(InputError.of("source",
                name, "来源应为 tax（税务）、power（供电）、market（市场监管）或 ledger（统计台账）")));
    }
}
