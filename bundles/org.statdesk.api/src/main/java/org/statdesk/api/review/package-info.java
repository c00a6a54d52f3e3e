/** Review of monthly reports (审核): report forms contributed by specialties, flags, rates, comparisons. */
@Version("1.4.0")
@Export
package org.statdesk.api.review;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
