/**
 * Judging input and writing output (输入校验与输出): strict numbers, periods, dates and text for every import and
 * option; spreadsheet-safe cells; output files that never land on the data folder.
 */
@Version("1.1.0")
@Export
package org.statdesk.api.input;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
