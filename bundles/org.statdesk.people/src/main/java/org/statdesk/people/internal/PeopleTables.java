package org.statdesk.people.internal;

/** Present once the people bundle's tables exist (its migrations ran); what reads them waits for it. */
interface PeopleTables {
}
