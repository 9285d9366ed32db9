/**
 * List cursors. They are opaque to clients; here they carry the offset of the next page.
 */
import { validationFailed } from './problem.ts';

export interface ListWindow {
  offset: number;
  limit: number;
}

/** The window a request asks for; a cursor that is not ours is a 422. */
export function readCursor(cursor: string | undefined, limit: number | undefined): ListWindow {
  let offset = 0;
  if (cursor) {
    try {
      offset = Number((JSON.parse(atob(cursor)) as { offset?: unknown }).offset);
    } catch {
      offset = Number.NaN;
    }
    if (!Number.isSafeInteger(offset) || offset < 0) {
      throw validationFailed([{ path: 'cursor', message: 'Unknown cursor' }]);
    }
  }
  return { offset, limit: limit ?? 50 };
}

/** The cursor of the page after `window`, or null after the last one. */
export function nextCursor(window: ListWindow, total: number): string | null {
  const offset = window.offset + window.limit;
  return offset < total ? btoa(JSON.stringify({ offset })) : null;
}
