/**
 * The callers of the permission matrix and the compact row notation, shared by the matrix and by each
 * module's own rows (modules/<name>/<name>.matrix.ts).
 */
export const callers = ['anonymous', 'secretariat_admin', 'secretariat_staff', 'coordinator_in', 'coordinator_out', 'official', 'researcher'] as const;
export type Caller = (typeof callers)[number];
export type Access = 'allow' | 'deny';
export type MatrixRows = Record<string, Record<Caller, Access>>;

/** Compact rows: one letter per caller, in the order of `callers` (A allow, D deny). */
export function row(pattern: string): Record<Caller, Access> {
  const letters = pattern.replace(/\s/g, '');
  if (letters.length !== callers.length) throw new Error(`matrix row needs ${callers.length} letters: ${pattern}`);
  return Object.fromEntries(callers.map((c, i) => [c, letters[i] === 'A' ? 'allow' : 'deny'])) as Record<Caller, Access>;
}
