/**
 * Builds {@link Issue} objects with their messages. Internal helper.
 * @module
 */
import type { Issue, IssueCode, MessageCatalog, MessageContext, Severity } from '../types.js';

/** Builds an issue; `suggestion` and `column` are set only when given. */
export function makeIssue(
  messages: MessageCatalog,
  code: IssueCode,
  severity: Severity,
  context: MessageContext,
): Issue {
  const issue: Issue = { code, severity, message: messages[code](context) };
  if (context.column !== undefined) issue.column = context.column;
  if (context.suggestion !== undefined) issue.suggestion = context.suggestion;
  if (context.relatedRows !== undefined) issue.relatedRows = [...context.relatedRows];
  return issue;
}
