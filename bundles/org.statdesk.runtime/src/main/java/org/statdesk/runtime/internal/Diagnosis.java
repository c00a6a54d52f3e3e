package org.statdesk.runtime.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.ReferenceDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;
import org.statdesk.api.command.Command;

/**
 * Says why a declared command is not there: its component waits for a service that is missing (e.g. the store, when
 * the database cannot be opened). Without this a user would read "unknown command" for a command that exists.
 */
final class Diagnosis {
    private Diagnosis() {
    }

    /**
     * The services at the root of why {@code d} is not satisfied: a missing service that another component of ours
     * would provide if it were satisfied is followed to what that component lacks, so the user reads "the store",
     * not an internal class name.
     */
    private static void missingOf(ServiceComponentRuntime scr, ComponentDescriptionDTO d, List<String> out,
            java.util.Set<String> seen) {
        if (!seen.add(d.name + "@" + d.bundle.id)) {
            return;
        }
        Map<String, String> interfaces = new java.util.HashMap<>();
        for (ReferenceDTO r : d.references) {
            interfaces.put(r.name, r.interfaceName);
        }
        for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
            if (c.state == ComponentConfigurationDTO.FAILED_ACTIVATION && c.failure != null) {
                out.add("(" + d.name + " failed to start: " + c.failure.lines().findFirst().orElse("") + ")");
            }
            for (UnsatisfiedReferenceDTO u : c.unsatisfiedReferences) {
                String iface = interfaces.getOrDefault(u.name, u.name);
                List<ComponentDescriptionDTO> providers = scr.getComponentDescriptionDTOs().stream()
                        .filter(p -> p.serviceInterfaces != null && List.of(p.serviceInterfaces).contains(iface))
                        .toList();
                if (providers.isEmpty()) {
                    out.add(iface);
                } else {
                    providers.forEach(p -> missingOf(scr, p, out, seen));
                }
            }
        }
    }

    /**
     * The commands that the components of the installed bundles declare (satisfied or not), by name, with their
     * component properties; empty when SCR is not there.
     */
    static Map<String, Map<String, Object>> declared(BundleContext ctx) {
        Map<String, Map<String, Object>> out = new java.util.TreeMap<>();
        ServiceReference<ServiceComponentRuntime> ref = ctx.getServiceReference(ServiceComponentRuntime.class);
        if (ref == null) {
            return out;
        }
        ServiceComponentRuntime scr = ctx.getService(ref);
        try {
            if (scr == null) {
                return out;
            }
            for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs()) {
                if (d.properties != null && d.properties.get(Command.NAME) instanceof String n
                        && d.serviceInterfaces != null && List.of(d.serviceInterfaces).contains(Command.class.getName())) {
                    out.put(n, d.properties);
                }
            }
            return out;
        } finally {
            ctx.ungetService(ref);
        }
    }

    /** A message naming the missing services, or null when no enabled bundle declares the command. */
    static String whyUnavailable(BundleContext ctx, String name) {
        ServiceReference<ServiceComponentRuntime> ref = ctx.getServiceReference(ServiceComponentRuntime.class);
        if (ref == null) {
            return null;
        }
        ServiceComponentRuntime scr = ctx.getService(ref);
        try {
            for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs()) {
                Object n = d.properties == null ? null : d.properties.get(Command.NAME);
                if (!name.equals(n) && !(n instanceof String s && !name.contains(":") && s.endsWith(":" + name))) {
                    continue;
                }
                if (!d.defaultEnabled) {
                    return "command " + n + " is disabled";
                }
                List<String> missing = new ArrayList<>();
                missingOf(scr, d, missing, new java.util.HashSet<>());
                return "command " + n + " is not available now: it needs "
                        + (missing.isEmpty() ? "services that are not there"
                                : missing.stream().distinct().collect(Collectors.joining(", ")))
                        + (missing.stream().anyMatch(m -> m.startsWith("org.statdesk.api.store"))
                                ? "; the database is not open: see the message above and check "
                                        + "etc/org.statdesk.store.cfg" : "");
            }
            return null;
        } finally {
            ctx.ungetService(ref);
        }
    }
}
