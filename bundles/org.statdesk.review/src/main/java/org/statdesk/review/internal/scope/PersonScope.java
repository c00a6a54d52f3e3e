package org.statdesk.review.internal.scope;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.statdesk.api.audit.Journal;
import org.statdesk.api.command.NotPermittedException;
import org.statdesk.api.people.People;
import org.statdesk.api.people.Person;
import org.statdesk.api.people.Scope;
import org.statdesk.api.registry.Register;
import org.statdesk.api.registry.Unit;
import org.statdesk.api.registry.UnitQuery;

/** The review's scope from the people bundle (optional: without it a single workstation sees everything). */
@Component(service = ReviewScope.class)
public final class PersonScope implements ReviewScope {
    private final Register register;
    private final People people;

    @Activate
    public PersonScope(@Reference Register register,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
            People people) {
        this.register = register.whole();
        this.people = people;
    }

    @Override
    public Scope scope() {
        return Scope.of(people);
    }

    @Override
    public Person require(String permission) {
        return people == null ? null : people.require(permission);
    }

    @Override
    public Map<String, Unit> units(String specialty) {
        Map<String, Unit> out = new HashMap<>();
        for (Unit u : register.list(new UnitQuery(null, specialty, null, null, null))) {
            out.put(u.creditCode(), u);
        }
        return out;
    }

    @Override
    public Predicate<String> visible(String specialty) {
        Scope s = scope();
        if (s.isEverything()) {
            return code -> true;
        }
        if (s.specialty() != null && specialty != null && !s.specialty().equals(specialty)) {
            return code -> false;
        }
        Set<String> codes = register.list(new UnitQuery(s.county(), s.specialty() != null ? s.specialty()
                : specialty, null, null, null)).stream().map(Unit::creditCode).collect(Collectors.toSet());
        return codes::contains;
    }

    @Override
    public void requireUnit(String creditCode) {
        Scope s = scope();
        if (!s.isEverything()) {
            Unit u = register.find(creditCode).orElse(null);
            s.require(u == null ? null : u.countyCode(), u == null ? null : u.specialty());
        }
    }

    @Override
    public void requireNotBy(List<Journal.Entry> history, String entity, String key, String field, String value,
            String permission, String what) {
        if (people == null || !people.hasUsers()) {
            return; // a single workstation: its one account does every step, as before
        }
        String by = null;
        for (Journal.Entry e : history) {
            if (entity.equals(e.entity()) && key.equals(e.key()) && field.equals(e.field())
                    && value.equals(e.newValue())) {
                by = e.user();
            }
        }
        Person p = people.current().orElse(null);
        if (p != null && p.named(by)) {
            throw new NotPermittedException("not permitted (不相容职务分离): " + p.journalName() + " " + what,
                    permission);
        }
    }
}
