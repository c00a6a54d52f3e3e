package org.statdesk.audit.internal;

import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Component;
import org.statdesk.api.audit.UserProvider;

/**
 * The OS user as the StatDesk user until sign-in exists. Registered with a low ranking so that a sign-in bundle's
 * provider, registered with a higher one, takes over (the journal binds greedily).
 */
@Component(service = UserProvider.class, property = Constants.SERVICE_RANKING + ":Integer=-100")
public final class OsUserProvider implements UserProvider {
    @Override
    public String currentUser() {
        String u = System.getProperty("user.name");
        return u == null || u.isBlank() ? "unknown" : u;
    }
}
