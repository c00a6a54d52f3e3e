package org.statdesk.registry.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.audit.Journal;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.command.InputError;
import org.statdesk.api.input.TableFiles;
import org.statdesk.api.people.Scope;
import org.statdesk.registry.internal.tables.FindingTable;
import org.statdesk.registry.internal.tables.UnitTable;

/** registry:import: reads, validates and checks a register file, then writes it in one transaction. */
@Component(service = Imports.class)
public final class RegisterImport implements Imports {
    private final RegisterStore db;
    private final Journal journal;
    private final Checks checks;
    private final Reads reads;
    private final TableFiles tables;

    @Activate
    public RegisterImport(@Reference RegisterStore db, @Reference Journal journal, @Reference Checks checks,
            @Reference Reads reads, @Reference TableFiles tables) {
        this.db = db;
        this.journal = journal;
        this.checks = checks;
        this.reads = reads;
        this.tables = tables;
    }

    @Override
    public ImportResult importFile(Path file, boolean admit, String sheet) throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException("没有这个文件：" + file, List.of(new InputError(0, "file", file.toString(),
                    "文件不存在")));
        }
        Timer timer = new Timer();
        ErrorList form = new ErrorList();
        ErrorList rowErrors = new ErrorList();
        List<Row> rows = new ArrayList<>();
        Scope scope = reads.scope();
        // Each chunk is validated in parallel (parse only reads the reference data), then gathered in file order.
        // Once a row is bad nothing will be imported: valid rows are no longer kept, errors only counted past 200.
        RegisterCsv.Chunks validate = chunk -> {
            for (Row.Parsed p : chunk.parallelStream().map(rec -> checks.parse(rec.line(), rec.values()::get))
                    .toList()) {
                rowErrors.addAll(p.errors());
                if (p.row() != null && !scope.covers(p.row().countyCode(), p.row().specialty())) {
                    rowErrors.add(outside(p.row(), scope));
                }
                if (p.row() != null && form.total() + rowErrors.total() == 0) {
                    rows.add(p.row());
                }
            }
        };
        byte[] head;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(8);
        }
        TableFiles.Kind kind = TableFiles.kind(head);
        RegisterCsv.Content content = kind.workbook()
                ? RegisterCsv.readSheet(tables, file, sheet, kind, validate, form)
                : RegisterCsv.read(Files.readAllBytes(file), validate, form);
        timer.lap("read and validate");
        long errors = form.total() + rowErrors.total();
        if (errors > 0) {
            throw new BadInputException(file.getFileName() + "：" + errors + " 处错误，未导入任何记录",
                    ErrorList.report(form, rowErrors));
        }
        if (rows.isEmpty()) {
            throw new BadInputException(file.getFileName() + "：没有数据行", List.of(new InputError(1, null, null,
                    "文件只有表头，没有数据行")));
        }
        String reason = (admit ? "名录库首次导入并入库：" : "名录库导入申请：") + file.getFileName();
        ImportResult result = db.store().inTransaction(c -> {
            List<String> ids = appIds(c, rows);
            List<Finding> findings = checks.check(c, rows, ids);
            timer.lap("check");
            Set<String> blocked = new HashSet<>();
            for (Finding f : findings) {
                if (f.error()) {
                    blocked.add(f.appId());
                }
            }
            boolean[] in = new boolean[rows.size()];
            int admitted = 0;
            for (int i = 0; i < in.length; i++) {
                in[i] = admit && !blocked.contains(ids.get(i));
                admitted += in[i] ? 1 : 0;
            }
            UnitTable.insert(c, ids, rows, i -> in[i], LocalDate.now().toString());
            timer.lap("insert units");
            List<String> findingKeys = FindingTable.insert(c, findings);
            timer.lap("insert findings");
            // One entry per unit; whether it was admitted is in its digest (status) and in the reason.
            journal.recordRows(c, UnitTable.NAME, ids, admit ? "import_admit" : "import", reason);
            journal.recordRows(c, FindingTable.NAME, findingKeys, "check", reason);
            timer.lap("journal");
            List<FindingView> views = findings.stream()
                    .map(f -> new FindingView(f.creditCode(), f.check(), f.severity(), f.message())).toList();
            return new ImportResult(file.toString(), content.encoding(), rows.size(), admitted,
                    rows.size() - admitted, views, content.ignoredColumns());
        });
        timer.lap("commit");
        return result;
    }

    /** A row of another county (or specialty) than the importing person's: a line-numbered error. */
    private static InputError outside(Row r, Scope scope) {
        return scope.county() != null && !scope.county().equals(r.countyCode())
                ? new InputError(r.line(), "division_code", r.divisionCode(), "不是本县区（" + scope.county()
                        + "）的单位：县区账号只能导入本县区的单位")
                : new InputError(r.line(), "industry_code", r.industryCode(), "不是本专业（" + scope.specialty()
                        + "）的单位");
    }

    /** App ids for new rows: the code itself for its first application, then code/2, code/3 ... */
    static List<String> appIds(Connection c, List<Row> rows) throws SQLException {
        Map<String, Integer> count = UnitTable.applicationsPerCode(c);
        List<String> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            int n = count.merge(r.creditCode(), 1, Integer::sum);
            out.add(n == 1 ? r.creditCode() : r.creditCode() + "/" + n);
        }
        return out;
    }

    /** Phase times on stderr when the system property statdesk.timing is set (benchmarks). */
    static final class Timer {
        private final boolean on = Boolean.getBoolean("statdesk.timing");
        private long t = System.nanoTime();

        void lap(String what) {
            if (on) {
                long now = System.nanoTime();
                System.err.printf("  %-18s %6d ms%n", what, (now - t) / 1_000_000);
                t = now;
            }
        }
    }
}
