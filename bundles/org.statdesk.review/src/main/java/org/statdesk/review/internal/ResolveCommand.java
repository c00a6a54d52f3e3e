package org.statdesk.review.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.Command;
import org.statdesk.api.command.CommandResult;
import org.statdesk.api.review.Flag;

/** {@code review:resolve ID --action explain|correct|confirm|close [--text T] [--value V] [--reason R]}. */
@Component(property = {Command.NAME + "=review:resolve",
        Command.USAGE + "=review:resolve FLAG_ID --action explain|correct|confirm|close [--text T] [--value V] "
                + "[--reason R] [--json]",
        Command.DESCRIPTION + "=处理审核疑问：单位说明、数据修正、审核确认、关闭"})
public final class ResolveCommand implements Command {
    private final ReviewServiceImpl review;

    @Activate
    public ResolveCommand(@Reference ReviewServiceImpl review) {
        this.review = review;
    }

    @Override
    public CommandResult execute(Args args) {
        args.allow("action", "text", "value", "reason");
        long id;
        try {
            id = Long.parseLong(args.positional(0, "FLAG_ID"));
        } catch (NumberFormatException e) {
            throw new org.statdesk.api.command.BadInputException("FLAG_ID must be a number");
        }
        Double value = args.option("value").isPresent() ? args.number("value", 0) : null;
        Flag f = review.resolve(id, args.required("action"), args.option("text", null), value,
                args.option("reason", null));
        return CommandResult.ok(RunCommand.FlagOut.of(f), "疑问 " + id + " → " + f.status());
    }
}
