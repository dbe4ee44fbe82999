/**
 * Stage 4: the counts and the final report. Imports types only, so that a page assembling a report
 * from a worker pool's chunks loads none of the validation libraries.
 * @module
 */
import type { FileInfo, Issue, RowReport, Summary, ValidationReport } from '../types.js';

/** What one row counts as in the summary: `'invalid'` (an error), `'warned'` (valid, with a warning) or `'valid'`. */
export function rowStanding(report: RowReport): 'invalid' | 'warned' | 'valid' {
  const issues = report.issues;
  if (issues.length === 0) return 'valid';
  for (const issue of issues) if (issue.severity === 'error') return 'invalid';
  return 'warned';
}

/** Stage 4a: the counts of a list of row reports. `withWarnings` counts valid rows that carry a warning. */
export function summarize(reports: readonly RowReport[], blankSkipped: number): Summary {
  let valid = 0;
  let withWarnings = 0;
  for (const report of reports) {
    const standing = rowStanding(report);
    if (standing !== 'invalid') valid++;
    if (standing === 'warned') withWarnings++;
  }
  return { rows: reports.length, valid, invalid: reports.length - valid, withWarnings, blankSkipped };
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
  counts?: { valid: number; withWarnings: number },
): ValidationReport {
  const fileError = fileIssues.some((issue) => issue.severity === 'error');
  const kept = fileError ? [] : rows;
  const summary =
    counts && !fileError
      ? { rows: kept.length, valid: counts.valid, invalid: kept.length - counts.valid, withWarnings: counts.withWarnings, blankSkipped }
      : summarize(kept, blankSkipped);
  return { ok: !fileError && summary.valid > 0, file, fileIssues, rows: kept, summary };
}
