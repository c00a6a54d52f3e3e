/** Commands: every capability is a command usable from Gogo, the workbench and {@code statdesk run}. */
@Version("1.2.0")
@Export
package org.statdesk.api.command;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
