package org.statdesk.review.internal;

import org.statdesk.review.internal.evaluation.EvaluationsImpl;
import org.statdesk.review.internal.evaluation.Gate;

import org.statdesk.api.audit.Journal;
import org.statdesk.api.people.People;
import org.statdesk.api.registry.Register;
import org.statdesk.api.review.ReportForm;
import org.statdesk.api.store.Store;
import org.statdesk.review.internal.aggregates.AggregatesImpl;
import org.statdesk.review.internal.flags.FlagWorkflowImpl;
import org.statdesk.review.internal.forms.FormCatalogueImpl;
import org.statdesk.review.internal.imports.ReportImportImpl;
import org.statdesk.review.internal.queries.QueryListImpl;
import org.statdesk.review.internal.rates.ReportingRatesImpl;
import org.statdesk.review.internal.run.ReviewRunImpl;
import org.statdesk.review.internal.scope.PersonScope;
import org.statdesk.review.internal.status.PeriodStatusesImpl;
import org.statdesk.review.internal.tables.ReviewSchema;

/** The review's rooms wired by hand as DS wires them, on a store whose schema the test has made. */
final class Rooms {
    final ReviewSchema schema;
    final FormCatalogueImpl forms = new FormCatalogueImpl();
    final org.statdesk.tables.internal.TableFilesImpl tables = new org.statdesk.tables.internal.TableFilesImpl();
    final ReportImportImpl imports;
    final ReviewRunImpl runs;
    final FlagWorkflowImpl flags;
    final ReportingRatesImpl rates;
    final PeriodStatusesImpl statuses;
    final AggregatesImpl aggregates;
    final QueryListImpl queries;
    final ReviewServiceImpl service;
    final PersonScope scope;
    final Gate gate;
    final EvaluationsImpl evaluations;

    /** A single workstation: no people bundle, everything within scope. */
    Rooms(Store store, Journal journal, Register register, Settings settings) {
        this(store, journal, register, settings, null);
    }

    /** With {@code people} signed in (null: no people bundle). */
    Rooms(Store store, Journal journal, Register register, Settings settings, People people) {
        schema = () -> store;
        scope = new PersonScope(register, people);
        gate = new Gate(journal, scope, "reopen");
        imports = new ReportImportImpl(schema, journal, register, forms, scope, tables, gate);
        runs = new ReviewRunImpl(schema, journal, scope, forms, settings);
        flags = new FlagWorkflowImpl(schema, journal, forms, scope, gate);
        rates = new ReportingRatesImpl(schema, scope, forms);
        statuses = new PeriodStatusesImpl(schema, journal, forms, flags, scope);
        aggregates = new AggregatesImpl(schema, scope, forms, statuses);
        evaluations = new EvaluationsImpl(schema, journal, scope, forms, flags, rates, aggregates, statuses);
        queries = new QueryListImpl(schema, register, forms, flags, tables);
        service = new ReviewServiceImpl(schema, forms, runs, flags, rates, scope, statuses);
    }

    Rooms with(ReportForm... contributed) {
        for (ReportForm f : contributed) {
            forms.addForm(f);
        }
        return this;
    }
}
