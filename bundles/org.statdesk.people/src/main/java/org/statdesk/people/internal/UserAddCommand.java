package org.statdesk.people.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.Command;
import org.statdesk.api.command.CommandResult;
import org.statdesk.api.command.CommandSpec;
import org.statdesk.api.people.Person;

/** {@code user:add NAME --role ROLE [--county C] [--specialty S] [--display 中文姓名]}. */
@Component(service = Command.class)
@CommandSpec(name = "user:add", usage = "user:add NAME --role admin|census|section|county|enforcement|leader "
        + "[--county C] [--specialty S] [--display 中文姓名] [--json]",
        description = "adds a user (password from STATDESK_NEW_PASSWORD or asked); the first user must be admin",
        permission = "user.add")
public final class UserAddCommand implements Command {
    private final UserAdmin admin;

    @Activate
    public UserAddCommand(@Reference UserAdmin admin) {
        this.admin = admin;
    }

    @Override
    public CommandResult execute(Args args) throws Exception {
        args.allow("role", "county", "specialty", "display");
        String login = args.positional(0, "NAME");
        String role = args.required("role");
        Person p = admin.add(login, role, args.option("county", null), args.option("specialty", null),
                args.option("display", null), PasswordInput.newPassword(login));
        return CommandResult.ok(UserCommands.json(p), "added user " + p.login() + " (" + p.role() + ")");
    }
}
