import { errors } from '../../platform/errors';

/** Keyset cursors: a JSON array of the sort key, base64url. */
export function encodeKey(parts: (string | number)[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

/** The sort key in a cursor, checked against its expected shape; a field error on `cursor` otherwise. */
export function decodeKey<T extends (string | number)[]>(cursor: string, shape: ('string' | 'number')[]): T {
  try {
    const parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(parts) && parts.length === shape.length && parts.every((p, i) => typeof p === shape[i])) return parts as T;
  } catch {
    /* fall through */
  }
  throw errors.field('cursor', 'The cursor is not valid.');
}
