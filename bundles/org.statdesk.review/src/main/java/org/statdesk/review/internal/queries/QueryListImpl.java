package org.statdesk.review.internal.queries;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.input.Cells;
import org.statdesk.api.input.Inputs;
import org.statdesk.api.input.OutputFiles;
import org.statdesk.api.input.TableFiles;
import org.statdesk.api.registry.Register;
import org.statdesk.api.registry.Unit;
import org.statdesk.api.review.Flag;
import org.statdesk.api.store.Store;
import org.statdesk.review.internal.Figures;
import org.statdesk.review.internal.flags.FlagWorkflow;
import org.statdesk.review.internal.forms.FormCatalogue;
import org.statdesk.review.internal.tables.ReviewSchema;

/**
 * Writes the query list with the unit's name, statistician and phone from the register, as CSV or, for a file named
 * {@code .xlsx}, as a workbook (figures as numbers, the period in the sheet's name). Text cells are neutralised
 * (a name beginning with {@code =} or a phone {@code +86 ...} is not run by a spreadsheet); numbers stay numbers.
 */
@Component(service = QueryList.class)
public final class QueryListImpl implements QueryList {
    private static final String[] HEADER = {"序号", "统一社会信用代码", "单位名称", "县区", "统计人员", "联系电话", "报告期",
        "指标", "指标名称", "填报值", "预期值", "严重程度", "规则", "疑问（请核实并说明）", "flag_id"};
    private final Store store;
    private final Register register;
    private final FormCatalogue forms;
    private final FlagWorkflow flags;
    private final TableFiles tables;

    @Activate
    public QueryListImpl(@Reference ReviewSchema schema, @Reference Register register, @Reference FormCatalogue forms,
            @Reference FlagWorkflow flags, @Reference TableFiles tables) {
        this.store = schema.store();
        this.register = register;
        this.forms = forms;
        this.flags = flags;
        this.tables = tables;
    }

    @Override
    public int writeQueries(String period, String specialty, Path out) throws IOException {
        Path file = checked(out);
        List<Flag> open = flags.flags(period, specialty).stream().filter(f -> f.status().equals("open")).toList();
        Map<String, String> names = new HashMap<>();
        forms.specs().forEach(f -> f.indicators().forEach(i -> names.put(f.specialty() + "/" + i.code(), i.name()
                + "（" + i.unit() + "）")));
        if (TableFiles.xlsxName(file)) {
            List<List<?>> rows = new ArrayList<>();
            int i = 0;
            for (Flag f : open) {
                Unit u = register.find(f.creditCode()).orElse(null);
                String spec = u == null ? "" : u.specialty();
                rows.add(Arrays.asList(++i, f.creditCode(), u == null ? "" : u.name(), u == null ? "" : u.countyCode(),
                        u == null ? "" : u.statistician(), u == null ? "" : u.phone(), f.period(), f.indicator(),
                        names.getOrDefault(spec + "/" + f.indicator(), f.indicator()), f.value(), f.expected(),
                        f.severity().equals("error") ? "错误" : "提示", f.rule(), f.message(), f.id()));
            }
            tables.write(file, new TableFiles.Sheet("审核查询 " + period, List.of(HEADER), rows));
            return open.size();
        }
        OutputFiles.write(file, os -> {
            Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
            w.write('\uFEFF');
            CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get());
            p.printRecord((Object[]) HEADER);
            int i = 0;
            for (Flag f : open) {
                Unit u = register.find(f.creditCode()).orElse(null);
                String spec = u == null ? "" : u.specialty();
                p.printRecord(++i, cell(f.creditCode()), cell(u == null ? "" : u.name()),
                        cell(u == null ? "" : u.countyCode()), cell(u == null ? "" : u.statistician()),
                        cell(u == null ? "" : u.phone()), cell(f.period()), cell(f.indicator()),
                        cell(names.getOrDefault(spec + "/" + f.indicator(), f.indicator())), Figures.human(f.value()),
                        f.expected() == null ? "" : Figures.human(f.expected()),
                        f.severity().equals("error") ? "错误" : "提示", cell(f.rule()), cell(f.message()), f.id());
            }
            p.flush();
        });
        return open.size();
    }

    /** The output path, refused inside the data folder or onto a database; its folder made when missing. */
    private Path checked(Path out) throws IOException {
        Path abs = out.toAbsolutePath().normalize();
        Path data = store.dataFolder() == null ? null : store.dataFolder().toAbsolutePath().normalize();
        if (abs.getParent() != null && (data == null || !abs.startsWith(data))) {
            Files.createDirectories(abs.getParent());
        }
        try {
            return OutputFiles.check(abs, store.dataFolder());
        } catch (Inputs.InvalidValueException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    private static String cell(String s) {
        return Cells.neutralise(s);
    }
}
