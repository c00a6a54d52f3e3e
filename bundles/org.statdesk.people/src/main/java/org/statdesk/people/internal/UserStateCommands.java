package org.statdesk.people.internal;

import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.Command;
import org.statdesk.api.command.CommandResult;
import org.statdesk.api.command.CommandSpec;

/** {@code user:disable NAME} and {@code user:unlock NAME}. */
final class UserStateCommands {
    private UserStateCommands() {
    }

    /** {@code user:disable NAME}: the user can no longer sign in; their journal entries stay theirs. */
    @Component(service = Command.class)
    @CommandSpec(name = "user:disable", usage = "user:disable NAME [--json]", description = "disables a user",
            permission = "user.disable")
    public static final class Disable implements Command {
        private final UserAdmin admin;

        @Activate
        public Disable(@Reference UserAdmin admin) {
            this.admin = admin;
        }

        @Override
        public CommandResult execute(Args args) throws Exception {
            args.allow();
            String login = args.positional(0, "NAME");
            admin.disable(login);
            return CommandResult.ok(Map.of("name", login, "enabled", false), "disabled " + login);
        }
    }

    /** {@code user:unlock NAME}: ends a lock-out after failed sign-ins. */
    @Component(service = Command.class)
    @CommandSpec(name = "user:unlock", usage = "user:unlock NAME [--json]",
            description = "unlocks a user locked after failed sign-ins", permission = "user.unlock")
    public static final class Unlock implements Command {
        private final UserAdmin admin;

        @Activate
        public Unlock(@Reference UserAdmin admin) {
            this.admin = admin;
        }

        @Override
        public CommandResult execute(Args args) throws Exception {
            args.allow();
            String login = args.positional(0, "NAME");
            admin.unlock(login);
            return CommandResult.ok(Map.of("name", login, "locked", false), "unlocked " + login);
        }
    }
}
