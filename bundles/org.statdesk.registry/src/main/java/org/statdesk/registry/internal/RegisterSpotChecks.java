package org.statdesk.registry.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.audit.Journal;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.command.InputError;
import org.statdesk.api.registry.Register;
import org.statdesk.api.registry.Sampler;
import org.statdesk.api.registry.Unit;
import org.statdesk.api.registry.UnitQuery;
import org.statdesk.registry.internal.tables.SpotCheckTable;
import org.statdesk.registry.internal.tables.SpotCheckUnitTable;

/** registry:spotcheck: the draw, its list and the journal entry that lets anyone redo it and compare. */
@Component(service = SpotChecks.class)
public final class RegisterSpotChecks implements SpotChecks {
    private final RegisterStore db;
    private final Journal journal;
    private final Sampler sampler;
    private final Register register;

    @Activate
    public RegisterSpotChecks(@Reference RegisterStore db, @Reference Journal journal, @Reference Sampler sampler,
            @Reference Register register) {
        this.db = db;
        this.journal = journal;
        this.sampler = sampler;
        this.register = register;
    }

    @Override
    public SpotCheck spotcheck(double share, Long seed, UnitQuery filter, String reason) throws Exception {
        if (!(share > 0 && share <= 1)) {
            throw new BadInputException("抽查比例不对", List.of(InputError.of("share", Double.toString(share),
                    "抽查比例应大于0且不超过1")));
        }
        UnitQuery q = new UnitQuery(filter.county(), filter.specialty(), Unit.IN_REGISTER, filter.scale(), null);
        List<String> population = register.list(q).stream().map(Unit::creditCode).distinct().toList();
        if (population.isEmpty()) {
            throw new BadInputException("没有可抽查的在库单位", List.of(InputError.of(null, null, "符合条件的在库单位为0")));
        }
        int size = (int) Math.ceil(share * population.size() - 1e-9);
        long s = seed == null ? sampler.newSeed() : seed;
        Sampler.Sample sample = sampler.sample(population, size, s);
        String filterText = "county=" + q.county() + ";specialty=" + q.specialty() + ";scale=" + q.scale();
        String why = reason == null || reason.isBlank() ? "实地核查抽查" : FieldRules.text("reason", reason,
                FieldRules.MAX_REASON, "理由");
        return db.store().inTransaction(c -> {
            String drawId = "SC-" + LocalDate.now().toString().replace("-", "") + "-" + (SpotCheckTable.count(c) + 1);
            SpotCheckTable.insert(c, drawId, OffsetDateTime.now().toString(), journal.currentUser(), s, share,
                    filterText, population.size(), sample.populationHash(), sample.algorithm());
            List<String> keys = SpotCheckUnitTable.insert(c, drawId, sample.members());
            // The draw's one entry carries everything needed to redo it and compare, and the draw row's digest; the
            // list's rows are journaled under keys outside the draw's history.
            journal.recordRow(c, SpotCheckTable.NAME, drawId, "draw", null, "seed=" + s + ";share=" + share + ";"
                    + filterText + ";population=" + population.size() + ";population_hash="
                    + sample.populationHash() + ";algorithm=" + sample.algorithm() + ";sample_hash="
                    + sampler.populationHash(sample.members()) + ";size=" + sample.members().size(), why);
            journal.recordRows(c, SpotCheckUnitTable.NAME, keys, "draw", why);
            return new SpotCheck(drawId, s, share, population.size(), sample.members().size(),
                    sample.populationHash(), sample.algorithm(), filterText, sample.members());
        });
    }
}
