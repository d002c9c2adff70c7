import { useT } from '@/web/i18n/use-t';

type Snapshot = Record<string, unknown> | null;

const MAX_ROWS = 6;
const MAX_VALUE = 60;

function show(value: unknown): string {
  if (value === undefined) return '∅';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

/** The fields that differ between two snapshots, in a stable order. */
export function changedFields(before: Snapshot, after: Snapshot): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  return [...keys]
    .filter((k) => JSON.stringify(before?.[k]) !== JSON.stringify(after?.[k]))
    .sort();
}

/** "field: before → after" for each changed field, cut short so one entry stays one glance. */
export function Changes({ before, after }: { before: Snapshot; after: Snapshot }) {
  const t = useT();
  const keys = changedFields(before, after);
  if (keys.length === 0) return <span className="muted">—</span>;
  const shown = keys.slice(0, MAX_ROWS);
  return (
    <ul className="changes">
      {shown.map((k) => (
        <li key={k}>
          <span className="changes__field">{k}</span>: <span className="changes__before">{show(before?.[k])}</span>{' '}
          <span aria-hidden="true">→</span>
          <span className="visually-hidden">{t('audit.changedTo')}</span>{' '}
          <span className="changes__after">{show(after?.[k])}</span>
        </li>
      ))}
      {keys.length > shown.length ? <li className="muted">{t('audit.moreChanges', { count: keys.length - shown.length })}</li> : null}
    </ul>
  );
}
