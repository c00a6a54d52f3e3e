/** People (人员): users, sign-in, roles, county and specialty scope. */
@Version("1.1.0")
@Export
package org.statdesk.api.people;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
