package org.statdesk.enforcement.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.registry.Unit;
import org.statdesk.api.registry.UnitQuery;
import org.statdesk.enforcement.internal.DrawEngine.Member;
import org.statdesk.enforcement.internal.DrawEngine.Population;

/** The population read from the register and the roster. */
@Component(service = PopulationSource.class)
public final class FrozenPopulation implements PopulationSource {
    private final Bureau bureau;
    private final Roster roster;

    @Activate
    public FrozenPopulation(@Reference Bureau bureau, @Reference Roster roster) {
        this.bureau = bureau;
        this.roster = roster;
    }

    /**
     * Units in the register, the city's townships, certified inspectors. The register is read county by county on
     * two threads (its list is most of a draw's time on a 100,000-unit register, and the machine has two cores); the
     * result does not depend on the order, as sampling and hash do not.
     */
    @Override
    public Population on(LocalDate day) throws Exception {
        String prefix = bureau.cityCode().substring(0, 4);
        List<String> counties = new ArrayList<>();
        for (var d : bureau.register().divisions().counties(bureau.cityCode())) {
            counties.add(d.code());
        }
        List<List<Unit>> parts = new ArrayList<>();
        if (counties.isEmpty()) {
            parts.add(bureau.register().whole().list(UnitQuery.inRegister()));
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
                Thread t = new Thread(r, "enforcement-population");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<List<Unit>>> futures = new ArrayList<>();
                for (String county : counties) {
                    futures.add(pool.submit(() -> bureau.register().whole().list(new UnitQuery(county, null,
                            Unit.IN_REGISTER, null, null))));
                }
                for (Future<List<Unit>> f : futures) {
                    parts.add(get(f));
                }
            } finally {
                pool.shutdownNow();
            }
        }
        List<Member> above = new ArrayList<>();
        List<Member> below = new ArrayList<>();
        for (List<Unit> part : parts) {
            for (Unit u : part) {
                if (!u.inRegister() || u.countyCode() == null || !u.countyCode().startsWith(prefix)) {
                    continue;
                }
                if ("below".equals(u.scale())) {
                    below.add(new Member(u.creditCode(), u.countyCode()));
                } else {
                    above.add(new Member(u.creditCode(), u.countyCode()));
                }
            }
        }
        List<Member> townships = bureau.register().divisions().townships(bureau.cityCode()).stream()
                .map(d -> new Member(d.code(), d.code().substring(0, 6))).toList();
        return new Population(above, townships, below, roster.certified(day));
    }

    /** The value of a finished task, its failure rethrown as it was. */
    static <T> T get(Future<T> f) throws Exception {
        try {
            return f.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception x ? x : new IllegalStateException(e.getCause());
        }
    }
}
