import { errors } from './errors';

/** Keyset cursors for lists ordered by (name, id): opaque to clients, checked when they come back. */
export function encodeCursor(name: string, id: string): string {
  return Buffer.from(JSON.stringify([name, id])).toString('base64url');
}

export function decodeCursor(cursor: string): { name: string; id: string } {
  try {
    const [name, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    if (typeof name === 'string' && typeof id === 'string') return { name, id };
  } catch {
    /* fall through */
  }
  throw errors.field('cursor', 'The cursor is not valid.');
}
