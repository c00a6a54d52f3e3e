package org.statdesk.api.registry;

import java.util.List;
import java.util.Optional;

/** Administrative divisions (行政区划) from the reference data: codes, names, levels, parents. */
public interface Divisions {
    Optional<Division> find(String code);

    /** Township-level divisions (乡镇街道, 9 digits) whose code starts with {@code prefix} (a county or city). */
    List<Division> townships(String prefix);

    /** County-level divisions (县区, 6 digits) under a city code such as 620600. */
    List<Division> counties(String cityCode);

    record Division(String code, String name, String level, String parent) {
    }
}
