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

/**
 * feature:list, feature:enable, feature:disable and help: the runtime's own commands. The runtime is a bundle
 * activator, not DS (see {@link RuntimeActivator}), so it registers them by hand, with the same service properties
 * that {@link org.statdesk.api.command.CommandSpec} gives a DS command.
 */
final class FeatureCommands {
    /** Choosing the features of a workstation is the administrator's (issue 13's matrix: features, users, backup). */
    private static final String FEATURES = "admin.features";

    private FeatureCommands() {
    }

    static void register(BundleContext ctx, FeatureManagerImpl fm, CommandHub hub) {
        reg(ctx, "feature:list", "feature:list [--json]", "features with their bundles, versions and states", "", a -> {
            a.allow();
            List<FeatureInfo> list = fm.features();
            return CommandResult.ok(Map.of("features", list), FeatureManagerImpl.summary(list));
        });
        reg(ctx, "feature:enable", "feature:enable NAME [--json]", "enables a feature now and at the next start",
                FEATURES, a -> one(fm.enable(a.allow().positional(0, "feature name")), "enabled"));
        reg(ctx, "feature:disable", "feature:disable NAME [--json]",
                "disables a feature (its bundles are uninstalled, its data kept)", FEATURES,
                a -> one(fm.disable(a.allow().positional(0, "feature name")), "disabled"));
        reg(ctx, "statdesk:help", "help [--json]", "lists the commands of the enabled features", "", a -> {
            Map<String, String> cmds = hub.list();
            StringBuilder sb = new StringBuilder();
            cmds.forEach((k, v) -> sb.append(String.format("%-28s %s%n", k, v)));
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("commands", cmds);
            doc.put("specs", hub.specs());
            return CommandResult.ok(doc, sb.toString().stripTrailing());
        });
    }

    private static CommandResult one(FeatureInfo f, String what) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("feature", f);
        return CommandResult.ok(doc, "feature " + f.name() + " " + what + ": " + FeatureManagerImpl.summary(List.of(f)));
    }

    private static void reg(BundleContext ctx, String name, String usage, String description, String permission,
            Command c) {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put(Command.NAME, name);
        p.put(Command.USAGE, usage);
        p.put(Command.DESCRIPTION, description);
        p.put(Command.FLAGS, new String[0]);
        p.put(Command.PERMISSION, permission);
        p.put(Command.BULK, Boolean.FALSE);
        p.put(Command.DEMO, Boolean.FALSE);
        ctx.registerService(Command.class, c, p);
    }
}
