package org.statdesk.workbench.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Times on screen: the services keep UTC instants, a person reads the local time of their workstation. */
final class Times {
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Times() {
    }

    /** {@code 2026-11-30T01:12:01Z} (or with an offset) as local {@code 2026-11-30 09:12:01}; other text as it is. */
    static String local(String instant) {
        return local(instant, ZoneId.systemDefault());
    }

    static String local(String instant, ZoneId zone) {
        if (instant == null) {
            return "";
        }
        try {
            return LocalDateTime.ofInstant(Instant.parse(instant), zone).format(SHOWN);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(instant).atZoneSameInstant(zone).format(SHOWN);
            } catch (DateTimeParseException e2) {
                try {
                    return LocalDateTime.parse(instant).format(SHOWN); // already local, without a zone
                } catch (DateTimeParseException e3) {
                    return instant;
                }
            }
        }
    }

    static String local(Instant instant) {
        return instant == null ? "" : LocalDateTime.ofInstant(instant, ZoneId.systemDefault()).format(SHOWN);
    }
}
