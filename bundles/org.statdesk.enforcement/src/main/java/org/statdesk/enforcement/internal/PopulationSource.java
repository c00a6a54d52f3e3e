package org.statdesk.enforcement.internal;

import java.time.LocalDate;

/** The population a draw is made from, frozen as of a day: register units, the city's townships, inspectors. */
interface PopulationSource {
    DrawEngine.Population on(LocalDate day) throws Exception;
}
