package org.statdesk.people.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.Command;
import org.statdesk.api.command.CommandResult;
import org.statdesk.api.command.CommandSpec;

/** {@code user:roles}: the permission matrix that is enforced, as JSON. */
@Component(service = Command.class)
@CommandSpec(name = "user:roles", usage = "user:roles [--json]", description = "the permission matrix (权限表)",
        permission = "user.roles")
public final class UserRolesCommand implements Command {
    private final UserAdmin admin;

    @Activate
    public UserRolesCommand(@Reference UserAdmin admin) {
        this.admin = admin;
    }

    @Override
    public CommandResult execute(Args args) {
        args.allow();
        Matrix m = admin.matrix();
        List<Map<String, Object>> rows = m.rows().stream().map(r -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("permission", r.permission());
            x.put("roles", r.roles());
            x.put("meaning", r.meaning());
            return x;
        }).toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("permissions", rows);
        out.put("roles", m.byRole());
        String text = m.rows().stream().map(r -> String.format("%-26s %-32s %s", r.permission(),
                String.join("|", r.roles()), r.meaning())).collect(Collectors.joining("\n"));
        return CommandResult.ok(out, text);
    }
}
