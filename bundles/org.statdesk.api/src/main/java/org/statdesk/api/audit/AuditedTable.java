package org.statdesk.api.audit;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A data table guarded by the audit trail (受审计的数据表), registered as a service by the bundle that owns it.
 * {@code keyExpression} is an SQL expression over the table giving the record key as text (e.g.
 * {@code credit_code} or {@code credit_code || '/' || period}); {@code columns} are the columns whose values the
 * digest covers.
 */
@ConsumerType
public interface AuditedTable {
    String table();

    String keyExpression();

    List<String> columns();
}
