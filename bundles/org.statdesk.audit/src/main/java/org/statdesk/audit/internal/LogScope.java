package org.statdesk.audit.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.statdesk.api.audit.Journal;
import org.statdesk.api.people.People;
import org.statdesk.api.people.Person;
import org.statdesk.api.people.Scope;
import org.statdesk.api.registry.Register;
import org.statdesk.api.registry.Unit;

/**
 * What of the journal the person working may read (audit:log): everything for an unlimited scope; for a county or
 * section user the entries about units within their scope (a unit's code as any segment of the entry's key) and their
 * own acts. An entry that names no unit (users, settings) is someone else's business.
 */
final class LogScope {
    /** A unified social credit code (GB 32100) as a key segment. */
    private static final Pattern CODE = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}");

    private final Scope scope;
    private final Person person;
    private final Register register;
    private final Map<String, Optional<Unit>> units = new HashMap<>();

    LogScope(People people, Register register) {
        this.scope = Scope.of(people);
        this.person = people == null ? null : people.current().orElse(null);
        this.register = register == null ? null : register.whole();
    }

    boolean isEverything() {
        return scope.isEverything();
    }

    /** Asking for the history of a unit outside the scope is refused (exit 3), as acting on it would be. */
    void require(String entity) {
        if (scope.isEverything()) {
            return;
        }
        for (String segment : entity.split("/")) {
            Optional<Unit> u = unit(segment);
            if (u.isPresent()) {
                scope.require(u.get().countyCode(), u.get().specialty());
            }
        }
    }

    List<Journal.Entry> visible(List<Journal.Entry> entries) {
        return scope.isEverything() ? entries : entries.stream().filter(this::visible).toList();
    }

    private boolean visible(Journal.Entry e) {
        if (person != null && person.named(e.user())) {
            return true;
        }
        for (String segment : e.key() == null ? new String[0] : e.key().split("/")) {
            Optional<Unit> u = unit(segment);
            if (u.isPresent()) {
                return scope.covers(u.get().countyCode(), u.get().specialty());
            }
        }
        return false;
    }

    private Optional<Unit> unit(String segment) {
        if (register == null || !CODE.matcher(segment).matches()) {
            return Optional.empty();
        }
        return units.computeIfAbsent(segment, register::find);
    }
}
