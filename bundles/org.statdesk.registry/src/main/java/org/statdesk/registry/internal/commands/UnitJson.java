package org.statdesk.registry.internal.commands;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.statdesk.api.command.CommandResult;
import org.statdesk.api.registry.Unit;
import org.statdesk.registry.internal.Application;
import org.statdesk.registry.internal.Reads;

/** How the registry:* commands show a unit: its JSON, its one-line text, and a lifecycle step's answer. */
final class UnitJson {
    private UnitJson() {
    }

    /** The JSON of a unit in lists. */
    record UnitRow(String creditCode, String name, String divisionCode, String industryCode, String specialty,
            String scale, String status) {
        static UnitRow of(Unit u) {
            return new UnitRow(u.creditCode(), u.name(), u.divisionCode(), u.industryCode(), u.specialty(), u.scale(),
                    u.status());
        }
    }

    static Map<String, Object> of(Application a) {
        Unit u = a.unit();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("app_id", a.appId());
        m.put("credit_code", u.creditCode());
        m.put("name", u.name());
        m.put("division_code", u.divisionCode());
        m.put("county_code", u.countyCode());
        m.put("industry_code", u.industryCode());
        m.put("specialty", u.specialty());
        m.put("scale", u.scale());
        m.put("revenue", u.revenue());
        m.put("qualification", u.qualification());
        m.put("address", u.address());
        m.put("statistician", u.statistician());
        m.put("phone", u.phone());
        m.put("status", u.status());
        m.put("status_reason", a.statusReason());
        m.put("exit_kind", a.exitKind());
        m.put("opened", u.opened());
        m.put("closed", u.closed());
        return m;
    }

    static String line(Application a) {
        Unit u = a.unit();
        return a.appId() + " " + u.name() + " " + u.divisionCode() + " " + u.industryCode() + " " + u.specialty() + " "
                + u.scale() + " " + u.status() + (a.statusReason() == null ? "" : "（" + a.statusReason() + "）");
    }

    /** The answer of a lifecycle step: the unit and its findings. */
    static CommandResult step(Reads reads, Application a) throws Exception {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("unit", of(a));
        doc.put("findings", reads.findings(a.appId(), null, false));
        return CommandResult.ok(doc, line(a));
    }

    static List<Map<String, Object>> all(List<Application> apps) {
        return apps.stream().map(UnitJson::of).toList();
    }
}
