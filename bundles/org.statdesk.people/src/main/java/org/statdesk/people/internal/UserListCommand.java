package org.statdesk.people.internal;

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
import org.statdesk.api.people.People;

/** {@code user:list}: every user with role, scope and state; never a password. */
@Component(service = Command.class)
@CommandSpec(name = "user:list", usage = "user:list [--json]", description = "lists the users", permission = "user.list")
public final class UserListCommand implements Command {
    private final People people;

    @Activate
    public UserListCommand(@Reference People people) {
        this.people = people;
    }

    @Override
    public CommandResult execute(Args args) {
        args.allow();
        List<Map<String, Object>> users = people.users().stream().map(UserCommands::json).toList();
        String text = people.users().stream().map(u -> String.format("%-16s %-12s %-6s %-12s %s%s%s", u.login(),
                u.role(), u.county() == null ? "" : u.county(), u.specialty() == null ? "" : u.specialty(),
                u.display(), u.enabled() ? "" : " (停用)", u.locked() ? " (锁定)" : ""))
                .collect(Collectors.joining("\n"));
        return CommandResult.ok(Map.of("users", users), users.isEmpty() ? "no users: the OS account is the "
                + "administrator of this data folder" : text);
    }
}
