package org.statdesk.registry.internal;

import java.sql.SQLException;
import java.util.List;
import org.statdesk.api.people.Scope;
import org.statdesk.api.audit.Journal;

/** Reading the register beyond the API's {@link org.statdesk.api.registry.Register}: applications, findings, history. */
public interface Reads {
    /** What the person working may see and change: the one place the register's rooms take scope from. */
    Scope scope();

    /** All applications of a credit code (or the one app id given), in-register and live ones first. */
    List<Application> applications(String codeOrAppId) throws SQLException;

    /** The one live application that a command names, or bad input saying why there is none or several. */
    Application target(String codeOrAppId) throws SQLException;

    /** Findings of an app id and check (null: all), optionally only open ones, in the order they were found. */
    List<StoredFinding> findings(String appId, String check, boolean openOnly) throws SQLException;

    /** The journal's entries about a unit (its applications, findings and statistician changes). */
    List<Journal.Entry> history(String code) throws SQLException;
}
