/**
 * Batching: rows → invitation requests → batches, each with its stable `Idempotency-Key`.
 * @module
 */
import type { InviteRequest } from '../adapter/adapter.js';
import type { RowReport } from '../types.js';
import { clientRowIdFor, stableHash } from './client-row-id.js';

/** An invitation request with the spreadsheet row it came from, when it came from a {@link RowReport}. */
export interface SendItem {
  /** What goes to the backend. */
  request: InviteRequest;
  /** The spreadsheet row number, for `RowReport` input. */
  row?: number;
}

const isRowReport = (item: RowReport | InviteRequest): item is RowReport => !('clientRowId' in item) && 'issues' in item;

/**
 * The requests to send, in order. `RowReport`s without a `record` (rows with errors) are held back and
 * left out; a `record` becomes an {@link InviteRequest} with its {@link clientRowIdFor}. `InviteRequest`s
 * are taken as they are (copied).
 */
export function toSendItems(rows: ReadonlyArray<RowReport | InviteRequest>): SendItem[] {
  const items: SendItem[] = [];
  for (const item of rows) {
    if (!isRowReport(item)) {
      items.push({ request: { ...item } });
      continue;
    }
    const record = item.record;
    if (!record) continue;
    items.push({
      row: item.row,
      request: {
        clientRowId: clientRowIdFor(record),
        loginType: record.loginType,
        loginId: record.loginId,
        ...(record.phone ? { phone: record.phone } : {}),
        email: record.email,
        name: record.name,
      },
    });
  }
  return items;
}

/** Splits a list into consecutive slices of at most `size` items (`size` ≥ 1). */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const step = Math.max(1, Math.floor(size));
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += step) chunks.push(items.slice(i, i + step));
  return chunks;
}

/**
 * The `Idempotency-Key` of a batch: `bk1-` + a 128-bit hash of the batch's exact body. The same batch
 * always gets the same key (across its retries and a later re-send), and a different batch a different
 * key, so a backend never sees one key with two bodies.
 */
export function batchIdempotencyKey(batch: readonly InviteRequest[]): string {
  return `bk1-${stableHash(JSON.stringify(batch))}`;
}
