package org.statdesk.review.internal.forms;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.review.ReportForm;
import org.statdesk.review.internal.FormSpec;

/** The report forms (报表目录) that enabled specialties contribute now, compiled for the review. */
public interface FormCatalogue {
    /** The forms as contributed. */
    List<ReportForm> forms();

    /** The compiled forms; a rules file that does not read is a failure naming the form. */
    List<FormSpec> specs();

    /** The form of each specialty (the first contributed, when two claim one). */
    default Map<String, FormSpec> bySpecialty() {
        Map<String, FormSpec> out = new LinkedHashMap<>();
        for (FormSpec f : specs()) {
            out.putIfAbsent(f.specialty(), f);
        }
        return out;
    }

    /** The forms of a specialty, or all when null; bad input when a named specialty has no enabled form. */
    default List<FormSpec> selected(String specialty) {
        List<FormSpec> out = specs().stream().filter(f -> specialty == null || f.specialty().equals(specialty))
                .toList();
        if (specialty != null && out.isEmpty()) {
            throw new BadInputException("no enabled report form for specialty '" + specialty + "'");
        }
        return out;
    }

    default Optional<FormSpec> byCode(String code) {
        return specs().stream().filter(f -> f.code().equals(code)).findFirst();
    }
}
