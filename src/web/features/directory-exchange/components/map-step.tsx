import { useRef, useState, type FormEvent } from 'react';
import { Alert, FormAlert } from '@/web/components/alert';
import { Button } from '@/web/components/button';
import { Select } from '@/web/components/select';
import { useT } from '@/web/i18n/use-t';
import { useErrorMessages } from '@/web/lib/form-errors';
import { fieldLabel, importFieldList, isImportField, missingFields, requiredFields, useDryRun, type DirectoryImport, type ImportField, type ImportMapping } from '../api';

type Assignment = (ImportField | '')[];

/** Column index → field, from a field → column mapping. */
function toAssignment(mapping: ImportMapping, width: number): Assignment {
  const columns: Assignment = Array.from({ length: width }, () => '');
  for (const [field, index] of Object.entries(mapping)) {
    if (isImportField(field) && index !== undefined && index < width) columns[index] = field;
  }
  return columns;
}

function toMapping(columns: Assignment): ImportMapping {
  const mapping: ImportMapping = {};
  columns.forEach((field, index) => {
    if (field) mapping[field] = index;
  });
  return mapping;
}

/** Step 2: what each column holds. Starts from the last mapping used for these column names, else the server's guess. */
export function MapStep({ imp, onChecked }: { imp: DirectoryImport; onChecked: () => void }) {
  const t = useT();
  const toMessages = useErrorMessages();
  const dryRun = useDryRun(imp.id);
  const form = useRef<HTMLFormElement>(null);
  const start = imp.mapping ?? imp.savedMapping ?? imp.suggestedMapping;
  const [columns, setColumns] = useState<Assignment>(() => toAssignment(start, imp.columns.length));
  const [moved, setMoved] = useState<string>('');
  const [formError, setFormError] = useState<string | null>(null);

  const missing = missingFields(toMapping(columns));
  const fieldName = (f: ImportField) => t(fieldLabel(f));
  const options = [
    { value: '', label: t('exchange.map.skip') },
    ...importFieldList.map((f) => ({ value: f, label: requiredFields.includes(f) ? t('exchange.map.requiredMark', { field: fieldName(f) }) : fieldName(f) })),
  ];

  function choose(index: number, value: string) {
    const field = isImportField(value) ? value : '';
    const next = [...columns];
    let note = '';
    // A field comes from one column: choosing it here takes it away from the column that had it.
    const before = field ? next.findIndex((f, i) => f === field && i !== index) : -1;
    if (before >= 0 && field) {
      next[before] = '';
      note = t('exchange.map.moved', { field: fieldName(field), from: imp.columns[before]?.letter ?? '', to: imp.columns[index]?.letter ?? '' });
    }
    next[index] = field;
    setColumns(next);
    setMoved(note);
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setFormError(null);
    if (missing.length > 0) {
      setFormError(t('exchange.map.missing', { fields: missing.map(fieldName).join(', ') }));
      form.current?.querySelector<HTMLSelectElement>('select')?.focus();
      return;
    }
    dryRun.mutate(toMapping(columns), {
      onSuccess: onChecked,
      onError: (error) => setFormError(toMessages(error, []).form),
    });
  }

  return (
    <>
      <p>
        {imp.sheetName
          ? t('exchange.map.introSheet', { row: imp.headerRow, sheet: imp.sheetName, file: imp.fileName, count: imp.rowCount })
          : t('exchange.map.intro', { row: imp.headerRow, file: imp.fileName, count: imp.rowCount })}
      </p>
      <Alert kind="info">
        <p>{imp.mapping || imp.savedMapping ? t('exchange.map.saved') : t('exchange.map.suggested')}</p>
        <p>{t('exchange.map.required', { fields: requiredFields.map(fieldName).join(', '), id: fieldName('agencyId') })}</p>
      </Alert>
      <form ref={form} className="form form--wide import-mapping" noValidate onSubmit={onSubmit}>
        <FormAlert message={formError} />
        <div className="import-mapping__columns">
          {imp.columns.map((c) => (
            <Select
              key={c.index}
              name={`column-${c.index}`}
              label={t('exchange.map.column', { letter: c.letter, header: c.header || t('exchange.map.noHeader') })}
              description={c.samples.length ? t('exchange.map.samples', { list: c.samples.join(' · ') }) : t('exchange.map.noSamples')}
              value={columns[c.index] ?? ''}
              onChange={(e) => choose(c.index, e.target.value)}
              options={options}
            />
          ))}
        </div>
        <p role="status" className="import-mapping__note">
          {moved}
        </p>
        <div className="actions">
          <Button type="submit" pending={dryRun.isPending}>
            {t('exchange.map.submit')}
          </Button>
        </div>
        {dryRun.isPending ? (
          <p role="status" className="loading">
            {t('exchange.map.checking', { count: imp.rowCount })}
          </p>
        ) : null}
      </form>
    </>
  );
}
