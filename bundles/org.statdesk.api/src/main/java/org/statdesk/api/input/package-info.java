/**
 * Judging input and writing output (输入校验与输出): strict numbers, periods, dates and text for every import and
 * option; spreadsheet-safe cells; output files that never land on the data folder. 1.2: {@link
 * org.statdesk.api.input.CreditCodes}, the credit code check (moved from the register).
 */
@Version("1.2.0")
@Export
package org.statdesk.api.input;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
