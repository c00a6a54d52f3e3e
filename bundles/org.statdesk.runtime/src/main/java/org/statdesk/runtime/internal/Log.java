package org.statdesk.runtime.internal;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** Messages of the runtime go to stderr: stdout belongs to the JSON of `statdesk run`. */
final class Log {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private Log() {
    }

    static void info(String message) {
        System.err.println(LocalTime.now().format(TIME) + " statdesk: " + message);
    }

    static void error(String message) {
        System.err.println(LocalTime.now().format(TIME) + " statdesk ERROR: " + message);
    }
}
