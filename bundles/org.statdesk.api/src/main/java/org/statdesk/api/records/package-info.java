/**
 * Administrative records and ledgers (行政记录与统计台账) that reports are confronted with: tax invoices, metered power,
 * market registrations and the units' own ledgers, as imported by {@code records:import}.
 */
@Version("1.0.0")
@Export
package org.statdesk.api.records;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
