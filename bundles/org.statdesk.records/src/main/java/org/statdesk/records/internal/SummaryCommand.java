package org.statdesk.records.internal;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.Command;
import org.statdesk.api.command.CommandResult;
import org.statdesk.api.command.CommandSpec;
import org.statdesk.api.registry.Register;
import org.statdesk.api.registry.Unit;
import org.statdesk.api.registry.UnitQuery;

/**
 * {@code records:summary}: per source the records, units, first and latest period (for market: status dates) and how
 * many of the units are in the register (名录库在库): what a user checks after loading a month's exports.
 */
@Component(service = Command.class)
@CommandSpec(name = "records:summary", usage = "records:summary [--json]",
        description = "per source (tax, power, market, ledger): records, units, first and latest period, units in"
                + " the register")
public final class SummaryCommand implements Command {
    private final RecordsDb db;
    private final Register register;

    /** One source's extent; {@code statuses}: market registrations by status (null for monthly sources). */
    public record SourceSummary(String source, long records, long units, String first, String latest,
            long inRegister, Map<String, Long> statuses) {
    }

    @Activate
    public SummaryCommand(@Reference RecordsDb db, @Reference Register register) {
        this.db = db;
        this.register = register;
    }

    @Override
    public CommandResult execute(Args a) throws Exception {
        a.allow();
        Set<String> registered = new HashSet<>();
        // the whole register: the records are the city's, whoever asks
        for (Unit u : register.whole().list(UnitQuery.inRegister())) {
            registered.add(u.creditCode());
        }
        List<SourceSummary> out = new ArrayList<>();
        try (Connection c = db.store().connection()) {
            for (Source s : Source.values()) {
                MonthlyTable.Extent e;
                Set<String> codes;
                Map<String, Long> statuses = null;
                switch (s) {
                    case TAX, POWER -> {
                        e = MonthlyTable.extent(c, s.code);
                        codes = MonthlyTable.codes(c, s.code);
                    }
                    case LEDGER -> {
                        e = LedgerTable.extent(c);
                        codes = LedgerTable.codes(c);
                    }
                    default -> {
                        e = MarketTable.extent(c);
                        codes = MarketTable.read(c).keySet();
                        statuses = MarketTable.statuses(c);
                    }
                }
                long in = codes.stream().filter(registered::contains).count();
                out.add(new SourceSummary(s.code, e.records(), e.units(), e.first(), e.latest(), in, statuses));
            }
        }
        StringBuilder text = new StringBuilder();
        for (SourceSummary s : out) {
            text.append(String.format("%-7s 记录 %d 条，单位 %d 家（在库 %d 家）", s.source(), s.records(), s.units(),
                    s.inRegister()));
            if (s.first() != null) {
                text.append("，").append(s.first()).append(" 至 ").append(s.latest());
            }
            if (s.statuses() != null && !s.statuses().isEmpty()) {
                text.append("，").append(String.join("、", s.statuses().entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue()).toList()));
            }
            text.append('\n');
        }
        return CommandResult.ok(Map.of("sources", out), text.toString().stripTrailing());
    }
}
