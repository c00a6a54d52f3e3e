/** The tamper-evident audit trail (审计日志): who, when, what, why. */
@Version("1.2.0")
@Export
package org.statdesk.api.audit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
