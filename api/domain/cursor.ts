/**
 * List cursors (keyset). A cursor is opaque to clients: base64url JSON of the sort it was
 * made for and the sort key and id of the last row shown, so the next page starts right
 * after that row however many rows were added or removed meanwhile. A cursor that does not
 * decode, or was made for another sort, is a 422.
 */
import type { ListKey, ListWindow } from '../store/store.ts';
import { validationFailed } from './problem.ts';

interface CursorBody {
  /** The sort the cursor was made for. */
  s: string;
  /** The sort key of the last row shown. */
  k: string;
  /** The id of the last row shown. */
  i: string;
}

/** The refusal of a cursor that this API did not make. */
export const unknownCursor = () => validationFailed([{ path: 'query.cursor', message: 'Unknown cursor' }]);

// Runs in browsers too (the mocks), so no Buffer: UTF-8 bytes through btoa/atob.
function encode(body: CursorBody): string {
  const bytes = new TextEncoder().encode(JSON.stringify(body));
  return btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');
}

function decode(cursor: string): unknown {
  try {
    const binary = atob(cursor.replaceAll('-', '+').replaceAll('_', '/'));
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw unknownCursor();
  }
}

function isCursorBody(value: unknown): value is CursorBody {
  if (typeof value !== 'object' || value === null) return false;
  const body = value as Record<string, unknown>;
  return typeof body.s === 'string' && typeof body.k === 'string' && typeof body.i === 'string';
}

/** The window a request asks for, under the sort it asks for. */
export function readCursor(cursor: string | undefined, limit: number | undefined, sort: string): ListWindow {
  const window = { limit: limit ?? 50 };
  if (!cursor) return window;
  const body = decode(cursor);
  if (!isCursorBody(body) || body.s !== sort) throw unknownCursor();
  return { ...window, after: { key: body.k, id: body.i } };
}

/** The cursor of the page after the one shown, or null after the last one. */
export function nextCursor(sort: string, next: ListKey | null): string | null {
  if (!next) return null;
  return encode({ s: sort, k: next.key, i: next.id });
}
