package org.statdesk.records.internal;

import java.nio.file.Path;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.Command;
import org.statdesk.api.command.CommandResult;
import org.statdesk.api.command.CommandSpec;

/** {@code records:import FILE --source tax|power|market|ledger}: all or nothing, replacing the file's months. */
@Component(service = Command.class)
@CommandSpec(name = "records:import", usage = "records:import FILE --source tax|power|market|ledger [--json]",
        description = "imports administrative records (CSV or .xlsx): tax credit_code,period,invoice_sales; power"
                + " credit_code,period,kwh; market credit_code,name,status[,status_date,industry_code,division_code,"
                + "registered_capital]; ledger credit_code,period,indicator,value. All or nothing; a re-import"
                + " replaces the file's months (market: its units' registrations)",
        permission = "records.import", bulk = true)
public final class ImportCommand implements Command {
    private final Importer importer;

    @Activate
    public ImportCommand(@Reference Importer importer) {
        this.importer = importer;
    }

    @Override
    public CommandResult execute(Args a) throws Exception {
        a.allow("source");
        Importer.ImportResult r = importer.importFile(Path.of(a.positional(0, "records file")), a.required("source"));
        String months = r.periods().isEmpty() ? "" : "，报告期 " + r.periods().get(0)
                + (r.periods().size() > 1 ? " 至 " + r.periods().get(r.periods().size() - 1) : "");
        return CommandResult.ok(r, "导入 " + r.source() + " 记录 " + r.rows() + " 条" + months + "，替换原有 "
                + r.replaced() + " 条；文件摘要 " + r.digest());
    }
}
