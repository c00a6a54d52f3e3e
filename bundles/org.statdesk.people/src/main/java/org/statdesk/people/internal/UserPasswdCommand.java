package org.statdesk.people.internal;

import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.Command;
import org.statdesk.api.command.CommandResult;
import org.statdesk.api.command.CommandSpec;
import org.statdesk.api.command.NotPermittedException;
import org.statdesk.api.people.People;
import org.statdesk.api.people.Person;

/**
 * {@code user:passwd [NAME]}: one's own password (any signed-in person), or another's (an administrator: what a person
 * who forgot theirs asks for).
 */
@Component(service = Command.class)
@CommandSpec(name = "user:passwd", usage = "user:passwd [NAME] [--json]",
        description = "changes a password (new one from STATDESK_NEW_PASSWORD or asked); another's needs admin")
public final class UserPasswdCommand implements Command {
    private final People people;
    private final UserAdmin admin;

    @Activate
    public UserPasswdCommand(@Reference People people, @Reference UserAdmin admin) {
        this.people = people;
        this.admin = admin;
    }

    @Override
    public CommandResult execute(Args args) throws Exception {
        args.allow();
        Person me = people.current().orElseThrow(() -> new NotPermittedException("not signed in", "user.passwd"));
        String login = args.positional().isEmpty() ? me.login() : args.positional(0, "NAME");
        if (!login.equals(me.login())) {
            people.require("user.passwd");
        }
        admin.changePassword(login, PasswordInput.newPassword(login));
        return CommandResult.ok(Map.of("name", login, "changed", true), "password of " + login + " changed");
    }
}
