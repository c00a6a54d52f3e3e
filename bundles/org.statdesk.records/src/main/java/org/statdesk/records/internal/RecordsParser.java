package org.statdesk.records.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.command.InputError;
import org.statdesk.api.input.CreditCodes;
import org.statdesk.api.input.Inputs;
import org.statdesk.api.input.Periods;
import org.statdesk.api.input.TableFiles;
import org.statdesk.api.records.Records;

/**
 * Judges every row of a records file; the file is refused as a whole (exit 2, line-numbered errors) when any row is
 * wrong, so that a bad file changes nothing. A row's cells are in the order of {@link Source#fields}.
 */
final class RecordsParser {
    /** An indicator as the report forms name it (sales_value, electricity): the ledger is in the report's long form. */
    private static final Pattern INDICATOR = Pattern.compile("[a-z][a-z0-9_]{0,59}");
    private static final Pattern INDUSTRY = Pattern.compile("[A-T]?\\d{2,4}");
    private static final Pattern DIVISION = Pattern.compile("\\d{6}|\\d{9}|\\d{12}");

    private RecordsParser() {
    }

    /** The judged rows of {@code file}, or {@link BadInputException} with the errors. */
    static Batch parse(Path file, Source source, TableFiles tables, LocalDate today) throws IOException {
        Errors errors = new Errors();
        Batch batch = new Batch(source);
        // the first line of each key, so that a duplicate names both of its lines
        Map<String, Integer> seen = new HashMap<>();
        int rows = RecordFile.read(file, source, tables, errors, (line, cells) -> row(batch, line, cells, today,
                errors, seen));
        if (errors.isEmpty() && rows == 0) {
            errors.add(1, null, null, "文件只有表头，没有数据行");
        }
        if (!errors.isEmpty()) {
            throw new BadInputException(file.getFileName() + "：" + errors.total() + " 处错误，未导入任何记录",
                    errors.report());
        }
        return batch;
    }

    private static void row(Batch batch, int line, String[] cells, LocalDate today, Errors errors,
            Map<String, Integer> seen) {
        long before = errors.total();
        String code = creditCode(line, cells[0], errors);
        switch (batch.source) {
            case TAX, POWER -> {
                String period = period(line, cells[1], today, errors);
                double amount = amount(line, batch.source.fields.get(2).code(), cells[2], errors);
                if (errors.total() == before && unique(line, code + "|" + period, "（统一社会信用代码, 报告期）",
                        seen, errors)) {
                    batch.monthly.add(new Batch.Monthly(code, period, amount));
                    batch.periods.add(period);
                }
            }
            case LEDGER -> {
                String period = period(line, cells[1], today, errors);
                String indicator = indicator(line, cells[2], errors);
                double amount = amount(line, "value", cells[3], errors);
                if (errors.total() == before && unique(line, code + "|" + period + "|" + indicator,
                        "（统一社会信用代码, 报告期, 指标）", seen, errors)) {
                    batch.ledger.add(new Batch.Ledger(code, period, indicator, amount));
                    batch.periods.add(period);
                }
            }
            case MARKET -> {
                Batch.Market m = market(line, code, cells, today, errors);
                if (errors.total() == before && unique(line, code, "统一社会信用代码", seen, errors)) {
                    batch.market.add(m);
                }
            }
        }
        if (errors.total() > before && errors.total() > Errors.LISTED) {
            // nothing will be imported: the rows judged so far need not be kept
            batch.monthly.clear();
            batch.ledger.clear();
            batch.market.clear();
        }
    }

    /** Whether {@code key} is the first of its kind in the file; a duplicate is an error naming both lines. */
    private static boolean unique(int line, String key, String what, Map<String, Integer> seen, Errors errors) {
        Integer first = seen.putIfAbsent(key, line);
        if (first != null) {
            errors.add(line, null, key.replace('|', ','), "重复记录：与第 " + first + " 行的" + what
                    + "相同（第 " + first + " 行与第 " + line + " 行）");
            return false;
        }
        return true;
    }

    private static String creditCode(int line, String raw, Errors errors) {
        String code = raw == null ? "" : raw.strip();
        String problem = CreditCodes.problem(code);
        if (problem != null) {
            errors.add(line, "credit_code", code, problem);
        }
        return code;
    }

    private static String period(int line, String raw, LocalDate today, Errors errors) {
        String p = Periods.normalise(raw == null ? "" : raw);
        try {
            return Inputs.period(p, today).toString();
        } catch (Inputs.InvalidValueException e) {
            errors.add(line, "period", raw, "报告期不正确（应为 YYYY-MM，如 2024-06、202406、2024年6月）：" + e.getMessage());
            return p;
        }
    }

    /** A figure: a plain decimal, not negative (invoiced sales and metered power never are). */
    private static double amount(int line, String field, String raw, Errors errors) {
        try {
            double d = Inputs.decimal(raw);
            if (d < 0) {
                errors.add(line, field, raw, "不能为负数");
            }
            return d;
        } catch (Inputs.InvalidValueException e) {
            errors.add(line, field, raw, "数值不正确：" + e.getMessage());
            return 0;
        }
    }

    private static String indicator(int line, String raw, Errors errors) {
        String t = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        if (!INDICATOR.matcher(t).matches()) {
            errors.add(line, "indicator", raw, t.isEmpty() ? "指标为空"
                    : "指标应为报表的指标代码（如 sales_value、electricity），字母开头，只含小写字母、数字和下划线");
        }
        return t;
    }

    private static Batch.Market market(int line, String code, String[] cells, LocalDate today, Errors errors) {
        String name = null;
        try {
            name = Inputs.text(cells[1]);
            if (name == null || name.isBlank()) {
                errors.add(line, "name", "", "单位名称为空");
            }
        } catch (Inputs.InvalidValueException e) {
            errors.add(line, "name", cells[1], "单位名称不正确：" + e.getMessage());
        }
        String status = cells[2] == null ? "" : cells[2].strip();
        if (!Records.ACTIVE.contains(status) && !Records.GONE.contains(status)) {
            errors.add(line, "status", status, status.isEmpty() ? "登记状态为空"
                    : "登记状态应为 存续、在业、开业、注销、吊销 或 迁出");
        }
        String date = blankToNull(cells[3]);
        if (date != null) {
            // not Inputs.pastDate: a registration approved before 2000 is common, and its date is still true
            try {
                LocalDate d = LocalDate.parse(date);
                if (d.isAfter(today) || d.getYear() < 1949) {
                    errors.add(line, "status_date", date, "状态日期不能晚于今天，也不能早于 1949 年");
                }
                date = d.toString();
            } catch (java.time.format.DateTimeParseException e) {
                errors.add(line, "status_date", date, "状态日期不正确：应为 YYYY-MM-DD");
            }
        }
        String industry = blankToNull(cells[4]);
        if (industry != null && !INDUSTRY.matcher(industry).matches()) {
            errors.add(line, "industry_code", industry, "行业代码应为 GB/T 4754 的代码（2 至 4 位数字，可带门类字母）");
        }
        String division = blankToNull(cells[5]);
        if (division != null && !DIVISION.matcher(division).matches()) {
            errors.add(line, "division_code", division, "区划代码应为 6、9 或 12 位数字");
        }
        Double capital = null;
        String rawCapital = blankToNull(cells[6]);
        if (rawCapital != null) {
            capital = amount(line, "registered_capital", rawCapital, errors);
        }
        return new Batch.Market(code, name, status, date, industry, division, capital);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** For messages that name no line: the file is missing or is no file. */
    static BadInputException noFile(Path file) {
        return new BadInputException("没有这个文件：" + file, List.of(new InputError(0, "file", file.toString(),
                "文件不存在")));
    }
}
