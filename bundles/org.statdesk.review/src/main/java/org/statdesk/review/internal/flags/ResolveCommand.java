package org.statdesk.review.internal.flags;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.command.Command;
import org.statdesk.api.command.CommandResult;
import org.statdesk.api.command.CommandSpec;
import org.statdesk.api.review.Flag;
import org.statdesk.review.internal.Checks;

/**
 * {@code review:resolve ID --action explain|correct|confirm|close [--text T] [--value V] [--reason R]}. The command
 * needs the permission every resolving role has (疑问说明); the workflow then checks the action's own
 * ({@code review.flag.explain}, {@code .correct}, {@code .confirm}, {@code .close}) and that the flag's unit is
 * within the person's scope, so a view calling the service is held to the same.
 */
@Component(service = Command.class)
@CommandSpec(name = "review:resolve", usage = "review:resolve FLAG_ID --action explain|correct|confirm|close "
        + "[--text T] [--value V] [--reason R] [--json]", description = "处理审核疑问：单位说明、数据修正、审核确认、关闭",
        permission = "review.flag.explain")
public final class ResolveCommand implements Command {
    private final FlagWorkflow flags;

    @Activate
    public ResolveCommand(@Reference FlagWorkflow flags) {
        this.flags = flags;
    }

    @Override
    public CommandResult execute(Args args) {
        args.allow("action", "text", "value", "reason");
        long id;
        try {
            id = Long.parseLong(args.positional(0, "FLAG_ID"));
        } catch (NumberFormatException e) {
            throw new BadInputException("FLAG_ID must be a number");
        }
        // strictly a plain decimal: NaN, 1e308 or 0x1p3 would turn the county and city totals into nonsense
        Double value = args.option("value").isPresent() ? Checks.value("value", args.required("value")) : null;
        Flag f = flags.resolve(id, args.required("action"), args.option("text", null), value,
                args.option("reason", null));
        return CommandResult.ok(FlagOut.of(f), "疑问 " + id + " → " + f.status());
    }
}
