package org.statdesk.review.internal.forms;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.statdesk.api.review.ReportForm;
import org.statdesk.review.internal.FormSpec;
import org.statdesk.review.internal.RuleSet;
import org.statdesk.review.internal.tables.ReportTable;

/** Tracks the {@link ReportForm} services (whiteboard): a specialty that leaves takes its form with it. */
@Component(service = FormCatalogue.class)
public final class FormCatalogueImpl implements FormCatalogue {
    private final List<ReportForm> forms = new CopyOnWriteArrayList<>();
    private final Map<ReportForm, FormSpec> specs = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addForm(ReportForm form) {
        forms.add(form);
    }

    public void removeForm(ReportForm form) {
        forms.remove(form);
        specs.remove(form);
    }

    @Override
    public List<ReportForm> forms() {
        return List.copyOf(forms);
    }

    @Override
    public List<FormSpec> specs() {
        List<FormSpec> out = new ArrayList<>();
        for (ReportForm f : forms) {
            out.add(specs.computeIfAbsent(f, FormCatalogueImpl::compile));
        }
        return out;
    }

    /** A form as the engine uses it: its rules read and compiled, at most {@link ReportTable#SLOTS} indicators. */
    public static FormSpec compile(ReportForm f) {
        List<RuleSet.Compiled> rules;
        try (InputStream in = f.rules().openStream()) {
            rules = RuleSet.read(in, f.indicators());
        } catch (IOException e) {
            throw new IllegalStateException("the rules of form " + f.code() + " do not read: " + e.getMessage(), e);
        }
        if (f.indicators().size() > ReportTable.SLOTS) {
            throw new IllegalStateException("form " + f.code() + " has more than " + ReportTable.SLOTS
                    + " indicators");
        }
        return new FormSpec(f.code(), f.title(), f.specialty(), List.copyOf(f.indicators()),
                List.copyOf(f.comparedIndicators()), rules, List.copyOf(f.stratification()), f.deadlineDay(),
                f.confronted());
    }
}
