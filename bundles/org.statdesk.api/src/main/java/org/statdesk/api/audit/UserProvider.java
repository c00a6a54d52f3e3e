package org.statdesk.api.audit;

import org.osgi.annotation.versioning.ConsumerType;

/** Who is working (当前用户). The OS user for now; a later sign-in replaces this service. */
@ConsumerType
public interface UserProvider {
    String currentUser();
}
