/** Features (功能): the selection of specialties enabled on this workstation. */
@Version("1.1.0")
@Export
package org.statdesk.api.feature;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
