/**
 * Stage 4: the counts and the final report. Imports types only, so that a page assembling a report
 * from a worker pool's chunks loads none of the validation libraries.
 * @module
 */
import type { FileInfo, Issue, RowReport, Summary, ValidationReport } from '../types.js';

/** Stage 4a: the counts of a list of row reports. `withWarnings` counts valid rows that carry a warning. */
export function summarize(reports: readonly RowReport[], blankSkipped: number): Summary {
  let valid = 0;
  let withWarnings = 0;
  for (const report of reports) {
    const issues = report.issues;
    if (issues.length === 0) {
      valid++;
      continue;
    }
    let error = false;
    for (const issue of issues) if (issue.severity === 'error') error = true;
    if (!error) {
      valid++;
      withWarnings++;
    }
  }
  return { rows: reports.length, valid, invalid: reports.length - valid, withWarnings, blankSkipped };
}

/** Stage 4b: the final report. File-level errors empty the rows; `ok` needs no file error and one valid row. */
export function buildReport(file: FileInfo, fileIssues: Issue[], rows: RowReport[], blankSkipped: number): ValidationReport {
  const fileError = fileIssues.some((issue) => issue.severity === 'error');
  const kept = fileError ? [] : rows;
  const summary = summarize(kept, blankSkipped);
  return { ok: !fileError && summary.valid > 0, file, fileIssues, rows: kept, summary };
}
