/**
 * The cross-row checks from login keys alone: duplicate login IDs, and login IDs that already have
 * accounts. Imports neither the phone library nor the whole message catalog, so that a page can run
 * them again after in-place fixes (revise.ts) exactly as a validation run does (duplicates.ts).
 * @module
 */
import { duplicateMessage, existsMessage } from '../messages.js';
import { DEFAULT_PROFILE, coreColumns } from '../profile.js';
import type { Issue, MessageCatalog, Profile } from '../types.js';
import { makeIssue } from './issue.js';

/**
 * Finds the login keys that occur more than once, as rows are validated, so that the cross-row checks
 * at the end of a run need not look at every key again. A Set of every key seen is the one structure
 * as large as the file: it takes less memory than a Map of each key's first row.
 */
export class RepeatedKeys {
  readonly #seen = new Set<string>();
  readonly #repeated = new Set<string>();

  /** Adds the login keys of some rows, in any order (undefined: the row's login ID did not normalize). */
  add(keys: ReadonlyArray<string | undefined>): void {
    const seen = this.#seen;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (key === undefined) continue;
      const size = seen.size;
      seen.add(key); // one look-up: the Set did not grow when the key was there already
      if (seen.size === size) this.#repeated.add(key);
    }
  }

  /** The keys added more than once; lets go of the others (no more keys may be added). */
  done(): ReadonlySet<string> {
    this.#seen.clear();
    return this.#repeated;
  }
}

/** The keys that occur more than once in `keys`. */
function repeatedKeys(keys: ReadonlyArray<string | undefined>): ReadonlySet<string> {
  const found = new RepeatedKeys();
  found.add(keys);
  return found.done();
}

/** What the cross-row checks need besides the keys. */
export interface CrossRowIssueOptions {
  profile?: Profile | undefined;
  /** Replacement messages; only `login_id.duplicate` and `login_id.exists` are read. */
  messages?: Partial<MessageCatalog> | undefined;
}

/**
 * The cross-row issues of a run whose `i`-th row has login key `keys[i]` (undefined when its login ID
 * did not normalize) and spreadsheet row `rowOf(i)`: `login_id.duplicate` for every row of a group
 * sharing a key (with `relatedRows`: the group's other rows, ascending), then `login_id.exists` for
 * keys in `existing` (already normalized). Returns the issues to add by index, in index order.
 * `repeated` is the keys that occur more than once, when a {@link RepeatedKeys} already gathered them.
 */
export function crossRowIssues(
  keys: ReadonlyArray<string | undefined>,
  rowOf: (index: number) => number,
  existing: ReadonlySet<string>,
  options: CrossRowIssueOptions = {},
  repeated: ReadonlySet<string> = repeatedKeys(keys),
): Map<number, Issue[]> {
  const catalog = {
    'login_id.duplicate': options.messages?.['login_id.duplicate'] ?? duplicateMessage,
    'login_id.exists': options.messages?.['login_id.exists'] ?? existsMessage,
  } as MessageCatalog;
  const core = coreColumns(options.profile ?? DEFAULT_PROFILE);
  // the login key is an E.164 phone (starts with +) or an email: the issue points at that column
  const columnOf = (key: string): string => (key.charCodeAt(0) === 43 ? core.phone.key : core.email.key);
  const added = new Map<number, Issue[]>();
  const add = (i: number, issue: Issue) => {
    const list = added.get(i);
    if (list) list.push(issue);
    else added.set(i, [issue]);
  };
  // The groups are gathered for the repeated keys only.
  if (repeated.size > 0) {
    const groups = new Map<string, number[]>();
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (key === undefined || !repeated.has(key)) continue;
      const group = groups.get(key);
      if (group) group.push(i);
      else groups.set(key, [i]);
    }
    for (const [key, members] of groups) {
      const groupRows = members.map(rowOf).sort((a, b) => a - b);
      for (const i of members) {
        const row = rowOf(i);
        const relatedRows = groupRows.filter((r) => r !== row);
        add(i, makeIssue(catalog, 'login_id.duplicate', 'error', { column: columnOf(key), relatedRows }));
      }
    }
  }
  if (existing.size > 0) {
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (key !== undefined && existing.has(key)) add(i, makeIssue(catalog, 'login_id.exists', 'error', { column: columnOf(key) }));
    }
  }
  return new Map([...added].sort((a, b) => a[0] - b[0]));
}
