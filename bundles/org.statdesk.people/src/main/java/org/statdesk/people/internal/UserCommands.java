package org.statdesk.people.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.statdesk.api.people.People;
import org.statdesk.api.people.Person;

/** What the user:* commands print. */
final class UserCommands {
    private UserCommands() {
    }

    static Map<String, Object> json(People.User u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", u.login());
        m.put("display", u.display());
        m.put("role", u.role());
        m.put("county", u.county());
        m.put("specialty", u.specialty());
        m.put("enabled", u.enabled());
        m.put("locked", u.locked());
        m.put("created", u.created());
        return m;
    }

    static Map<String, Object> json(Person p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.login());
        m.put("display", p.display());
        m.put("role", p.role());
        m.put("county", p.county());
        m.put("specialty", p.specialty());
        return m;
    }
}
