package org.statdesk.people.internal;

import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.audit.AuditedTable;

/** {@code ppl_user} under the journal: a role, county or password changed behind StatDesk's back is found. */
@Component(service = AuditedTable.class)
public final class UsersAudited implements AuditedTable {
    @Activate
    public UsersAudited(@Reference PeopleTables schema) {
        // declared only once the table exists
    }

    @Override
    public String table() {
        return UserTable.TABLE;
    }

    @Override
    public String keyExpression() {
        return "login";
    }

    @Override
    public List<String> columns() {
        return UserTable.AUDITED;
    }
}
