import { useState, type FormEvent } from 'react';
import { Alert } from '@/web/components/alert';
import { Button } from '@/web/components/button';
import { DataTable, type Column } from '@/web/components/data-table';
import { useT } from '@/web/i18n/use-t';
import { ApiError } from '@/web/lib/api-client';
import { useImportActions } from '../api';

interface Problem {
  key: string;
  row: string;
  column: string;
  message: string;
}

/** Row and column from the server's field path (`rows.2001.owner_code`). */
function toProblems(error: unknown): Problem[] {
  if (!(error instanceof ApiError)) return [];
  return (error.problem.errors ?? []).map((e, i) => {
    const m = /^rows\.(\d+)\.(.+)$/.exec(e.field);
    return { key: `${i}`, row: m?.[1] ?? '—', column: m?.[2] ?? e.field, message: e.message.replace(/^Row \d+, [^:]+: /, '') };
  });
}

/** CSV import of actions for one event: check first (nothing written), then import all rows or none. */
export function ImportForm({ eventId, eventTitle }: { eventId: string; eventTitle: string }) {
  const t = useT();
  const run = useImportActions(eventId);
  const [csv, setCsv] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);

  function submit(dryRun: boolean) {
    setProblems([]);
    if (!csv) {
      setNotice({ kind: 'error', text: t('outcomes.import.noFile') });
      return;
    }
    setNotice(null);
    run.mutate(
      { csv, dryRun },
      {
        onSuccess: (r) => setNotice({ kind: 'success', text: r.dryRun ? t('outcomes.import.checked', { n: r.rows }) : t('outcomes.import.done', { n: r.created }) }),
        onError: (error) => {
          setNotice({ kind: 'error', text: error instanceof ApiError ? (error.problem.detail ?? error.problem.title) : t('error.network') });
          setProblems(toProblems(error));
        },
      },
    );
  }

  const columns: Column<Problem>[] = [
    { key: 'row', header: t('outcomes.import.row'), cell: (p) => p.row },
    { key: 'column', header: t('outcomes.import.column'), cell: (p) => <code>{p.column}</code> },
    { key: 'message', header: t('outcomes.import.message'), cell: (p) => p.message },
  ];

  return (
    <form className="form" onSubmit={(e: FormEvent) => { e.preventDefault(); submit(false); }} aria-label={t('outcomes.import.title')}>
      <p>{t('outcomes.import.forEvent', { event: eventTitle })}</p>
      <div className="field">
        <label className="field__label" htmlFor="outcomes-import-file">
          {t('outcomes.import.file')}
        </label>
        <input
          id="outcomes-import-file"
          className="input"
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => {
            const file = e.target.files?.[0];
            setNotice(null);
            setProblems([]);
            if (!file) return setCsv(null);
            void file.text().then(setCsv);
          }}
        />
      </div>
      <div className="form__actions">
        <Button variant="secondary" pending={run.isPending} onClick={() => submit(true)}>
          {t('outcomes.import.check')}
        </Button>
        <Button type="submit" pending={run.isPending}>
          {t('outcomes.import.run')}
        </Button>
      </div>
      {notice ? <Alert kind={notice.kind} title={notice.text} /> : null}
      {problems.length > 0 ? <DataTable caption={t('outcomes.import.problems')} columns={columns} rows={problems} rowKey={(p) => p.key} empty="" /> : null}
    </form>
  );
}
