package org.statdesk.runtime.internal;

import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.Command;
import org.statdesk.api.command.CommandResult;
import org.statdesk.api.feature.FeatureManager.FeatureInfo;

/** feature:list, feature:enable, feature:disable and help: the runtime's own commands. */
final class FeatureCommands {
    private FeatureCommands() {
    }

    static void register(BundleContext ctx, FeatureManagerImpl fm, CommandHub hub) {
        reg(ctx, "feature:list", "feature:list [--json]", "features with their bundles, versions and states", a -> {
            a.allow();
            List<FeatureInfo> list = fm.features();
            return CommandResult.ok(Map.of("features", list), FeatureManagerImpl.summary(list));
        });
        reg(ctx, "feature:enable", "feature:enable NAME [--json]", "enables a feature now and at the next start",
                a -> one(fm.enable(a.allow().positional(0, "feature name")), "enabled"));
        reg(ctx, "feature:disable", "feature:disable NAME [--json]",
                "disables a feature (its bundles are uninstalled, its data kept)",
                a -> one(fm.disable(a.allow().positional(0, "feature name")), "disabled"));
        reg(ctx, "statdesk:help", "help [--json]", "lists the commands of the enabled features", a -> {
            Map<String, String> cmds = hub.list();
            StringBuilder sb = new StringBuilder();
            cmds.forEach((k, v) -> sb.append(String.format("%-28s %s%n", k, v)));
            return CommandResult.ok(Map.of("commands", cmds), sb.toString().stripTrailing());
        });
    }

    private static CommandResult one(FeatureInfo f, String what) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("feature", f);
        return CommandResult.ok(doc, "feature " + f.name() + " " + what + ": " + FeatureManagerImpl.summary(List.of(f)));
    }

    private static void reg(BundleContext ctx, String name, String usage, String description, Command c) {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put(Command.NAME, name);
        p.put(Command.USAGE, usage);
        p.put(Command.DESCRIPTION, description);
        ctx.registerService(Command.class, c, p);
    }
}
