package org.statdesk.enforcement.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.Command;
import org.statdesk.api.command.CommandResult;
import org.statdesk.api.command.CommandSpec;

/** {@code enforcement:open-case CREDIT_CODE --violation V --facts TEXT ...}: files a case (立案). */
@Component(service = Command.class)
@CommandSpec(name = "enforcement:open-case", usage = "enforcement:open-case CREDIT_CODE --violation "
        + "late|refused|concealed|false|falsified --facts TEXT [--date D] [--check ID] [--deadline D] [--json]",
        description = "files a statistical violation case (立案)", permission = "enforcement.case")
public final class OpenCaseCommand implements Command {
    private final Cases cases;
    private final Bureau bureau;

    @Activate
    public OpenCaseCommand(@Reference Cases cases, @Reference Bureau bureau) {
        this.cases = cases;
        this.bureau = bureau;
    }

    @Override
    public CommandResult execute(Args a) throws Exception {
        a.allow("violation", "facts", "date", "check", "deadline");
        Long check = a.option("check").map(s -> Inputs.id("check", s)).orElse(null);
        Cases.CaseJson c = cases.open(a.positional(0, "unit credit code"), a.required("violation"),
                a.option("facts").orElse(null), Texts.dateOr(a, "date", bureau), check,
                Texts.dateOrNull(a, "deadline"));
        return CommandResult.ok(c, "已立案 " + c.id() + "：" + c.violationName() + " " + c.unitCode());
    }
}
