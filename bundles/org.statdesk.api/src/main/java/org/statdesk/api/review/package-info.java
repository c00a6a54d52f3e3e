/** Review of monthly reports (审核): report forms contributed by specialties, flags, rates. */
@Version("1.1.0")
@Export
package org.statdesk.api.review;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
