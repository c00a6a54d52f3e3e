/** The register of survey units (名录库) and seeded sampling. */
@Version("1.1.0")
@Export
package org.statdesk.api.registry;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
