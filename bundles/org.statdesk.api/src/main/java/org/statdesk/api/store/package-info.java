/** The database (数据库) and per-bundle schema migrations. */
@Version("1.1.0")
@Export
package org.statdesk.api.store;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
