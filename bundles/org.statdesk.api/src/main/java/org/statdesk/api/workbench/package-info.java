/** Workbench contributions (视图) registered as services. */
@Version("1.3.0")
@Export
package org.statdesk.api.workbench;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
