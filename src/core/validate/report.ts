/**
 * Stage 4: the counts and the final report. Imports types only, so that a page assembling a report
 * from a worker pool's chunks loads none of the validation libraries.
 * @module
 */
import type { FileInfo, Issue, RowReport, Summary, ValidationReport } from '../types.js';

/** The summary's counts of rows without an error, and of those with a warning. */
export interface RowCounts {
  valid: number;
  withWarnings: number;
}

/** Counts one row into `counts` (`by` -1 takes it out again, e.g. before its issues change). */
export function countRow(counts: RowCounts, report: RowReport, by: 1 | -1 = 1): void {
  const issues = report.issues;
  if (issues.length === 0) {
    counts.valid += by;
    return;
  }
  for (const issue of issues) if (issue.severity === 'error') return;
  counts.valid += by;
  counts.withWarnings += by;
}

/** Stage 4a: the counts of a list of row reports. `withWarnings` counts valid rows that carry a warning. */
export function summarize(reports: readonly RowReport[], blankSkipped: number): Summary {
  const counts: RowCounts = { valid: 0, withWarnings: 0 };
  // forEach, not for…of: run once, the loop was not optimized in time, and each step of the iterator
  // allocated a result object (20 MB for a million rows, just as the report is complete).
  reports.forEach((report) => countRow(counts, report));
  return { rows: reports.length, valid: counts.valid, invalid: reports.length - counts.valid, withWarnings: counts.withWarnings, blankSkipped };
}

/**
 * Stage 4b: the final report. File-level errors empty the rows; `ok` needs no file error and one valid row.
 * `counts` may give the summary's counts when they were kept as the rows came in (a million rows are
 * slow to walk again at the end).
 */
export function buildReport(
  file: FileInfo,
  fileIssues: Issue[],
  rows: RowReport[],
  blankSkipped: number,
  counts?: RowCounts,
): ValidationReport {
  const fileError = fileIssues.some((issue) => issue.severity === 'error');
  const kept = fileError ? [] : rows;
  const summary =
    counts && !fileError
      ? { rows: kept.length, valid: counts.valid, invalid: kept.length - counts.valid, withWarnings: counts.withWarnings, blankSkipped }
      : summarize(kept, blankSkipped);
  return { ok: !fileError && summary.valid > 0, file, fileIssues, rows: kept, summary };
}
