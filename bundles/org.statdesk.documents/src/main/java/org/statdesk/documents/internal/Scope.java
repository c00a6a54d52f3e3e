package org.statdesk.documents.internal;

import java.util.Optional;
import java.util.function.Supplier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.command.NotPermittedException;
import org.statdesk.api.people.People;
import org.statdesk.api.people.Person;
import org.statdesk.api.registry.Unit;

/**
 * Whose documents: the person working now sees the units they cover ({@link Person#covers}): a county bureau its
 * county, a specialty section its specialty, the city's staff all.
 */
@Component(service = Scope.class)
public final class Scope {
    private final Supplier<Optional<Person>> current;

    @Activate
    public Scope(@Reference People people) {
        this(people::current);
    }

    /** For tests: whoever {@code current} gives (package-private, so SCR sees one constructor). */
    Scope(Supplier<Optional<Person>> current) {
        this.current = current;
    }

    /** The person working now, if anyone (the workbench's view shows a county user their county only). */
    Optional<Person> current() {
        return current.get();
    }

    /** The person working now; exit 3 when users exist and no one signed in. */
    Person who() {
        return current.get().orElseThrow(() -> new NotPermittedException("not signed in", null));
    }

    static boolean covers(Person p, Unit u) {
        return p.covers(u.countyCode(), u.specialty());
    }

    /** Requires that {@code p} may see documents of {@code county} (a county user: their own only). */
    static void county(Person p, String county) {
        if (county != null && !p.covers(county, p.specialty())) {
            throw new NotPermittedException(p.login() + " works for county " + p.county()
                    + " and may not print documents of county " + county, "report.county");
        }
    }

    /** Requires that {@code p} covers {@code u}: outside their scope is "not permitted", never "unknown unit". */
    static void unit(Person p, Unit u) {
        if (!covers(p, u)) {
            throw new NotPermittedException(p.login() + " may not print documents of unit " + u.creditCode()
                    + " (county " + u.countyCode() + ", " + u.specialty() + ")", "report.unit");
        }
    }
}
