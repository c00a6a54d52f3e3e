/** Comparison charts (对比图) rendered for review. */
@Version("1.1.0")
@Export
package org.statdesk.api.charts;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
