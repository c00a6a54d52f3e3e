package org.statdesk.api.command;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A command (命令) contributed as a service. The runtime exposes it to the Gogo console, to the workbench and to
 * {@code statdesk run}. Register with the service properties {@link #NAME} (e.g. {@code registry:import}),
 * optionally {@link #FLAGS} (options that take no value; {@code json} always is one), {@link #USAGE} and
 * {@link #DESCRIPTION}; declare them with {@link CommandSpec} on the component class.
 */
@ConsumerType
public interface Command {
    String NAME = "statdesk.command.name";
    String FLAGS = "statdesk.command.flags";
    String USAGE = "statdesk.command.usage";
    String DESCRIPTION = "statdesk.command.description";
    /** The permission the command needs; see {@link CommandSpec#permission()}. */
    String PERMISSION = "statdesk.command.permission";
    /** {@code true} for bulk work; see {@link CommandSpec#bulk()}. */
    String BULK = "statdesk.command.bulk";
    /** {@code true} for a command that loads demonstration data; see {@link CommandSpec#demo()}. */
    String DEMO = "statdesk.command.demo";

    /**
     * Runs the command. Throw {@link BadInputException} for bad input (exit 2, nothing changed); any other
     * exception is a failure (exit 1).
     */
    CommandResult execute(Args args) throws Exception;
}
