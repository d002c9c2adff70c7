import { useId, useState } from 'react';
import { Link } from 'react-router';
import { Alert, FormAlert } from '@/web/components/alert';
import { Button } from '@/web/components/button';
import { useLocale, useT } from '@/web/i18n/use-t';
import { useErrorMessages } from '@/web/lib/form-errors';
import { useApplyImport, type DirectoryImport, type ImportDecision } from '../api';
import { CountList, ProblemTable, SubSection } from './results';

type Duplicate = DirectoryImport['duplicates'][number];

/** Step 3: the dry run's findings. Errors stop the import; likely duplicates are merged or kept, row by row. */
export function CheckStep({ imp, onEditMapping }: { imp: DirectoryImport; onEditMapping: () => void }) {
  const t = useT();
  const locale = useLocale();
  const n = new Intl.NumberFormat(locale);
  const toMessages = useErrorMessages();
  const apply = useApplyImport(imp.id);
  const [decisions, setDecisions] = useState<Record<string, ImportDecision>>(() =>
    Object.fromEntries(imp.duplicates.map((d) => [String(d.row), d.decision ?? d.proposed])),
  );
  const [formError, setFormError] = useState<string | null>(null);
  const { errors, warnings } = imp.problemCounts;

  function onApply() {
    setFormError(null);
    apply.mutate(decisions, { onError: (error) => setFormError(toMessages(error, []).form) });
  }

  return (
    <>
      {errors > 0 ? (
        <Alert kind="error" title={t(errors === 1 ? 'exchange.check.errorsOne' : 'exchange.check.errorsMany', { count: n.format(errors) })}>
          <p>{t('exchange.check.errorsHelp')}</p>
        </Alert>
      ) : (
        <Alert kind="success" title={t('exchange.check.ok', { count: n.format(imp.rowCount) })}>
          {warnings > 0 ? <p>{t(warnings === 1 ? 'exchange.check.warningsOne' : 'exchange.check.warningsMany', { count: n.format(warnings) })}</p> : null}
        </Alert>
      )}

      {imp.problems.length > 0 ? (
        <SubSection title={t('exchange.problems.title')}>
          <ProblemTable imp={imp} />
        </SubSection>
      ) : null}

      {errors === 0 && imp.duplicates.length > 0 ? (
        <SubSection title={t('exchange.dup.title')}>
          <p>{t('exchange.dup.intro')}</p>
          <div className="import-duplicates">
            {imp.duplicates.map((d) => (
              <DuplicateChoice
                key={d.row}
                duplicate={d}
                value={decisions[String(d.row)] ?? d.proposed}
                onChange={(v) => setDecisions((prev) => ({ ...prev, [String(d.row)]: v }))}
              />
            ))}
          </div>
          {imp.duplicateCount > imp.duplicates.length ? <p className="muted">{t('exchange.dup.more', { shown: n.format(imp.duplicates.length), total: n.format(imp.duplicateCount) })}</p> : null}
        </SubSection>
      ) : null}

      {imp.counts && errors === 0 ? (
        <SubSection title={t('exchange.check.summary')}>
          <CountList counts={imp.counts} />
        </SubSection>
      ) : null}

      <FormAlert message={formError} />
      {errors === 0 && !imp.canApply ? <p className="muted">{t('exchange.check.notYours')}</p> : null}
      <div className="actions import-actions">
        {errors === 0 && imp.canApply ? (
          <Button onClick={onApply} pending={apply.isPending}>
            {t('exchange.check.apply', { count: n.format(imp.rowCount) })}
          </Button>
        ) : null}
        <Link to="/directory/import" state={{ focusStep: true }} className={errors > 0 ? 'button button--primary' : 'button button--secondary'}>
          {t('exchange.check.uploadAgain')}
        </Link>
        <Button variant="secondary" onClick={onEditMapping}>
          {t('exchange.check.changeMapping')}
        </Button>
      </div>
    </>
  );
}

function DuplicateChoice({ duplicate: d, value, onChange }: { duplicate: Duplicate; value: ImportDecision; onChange: (v: ImportDecision) => void }) {
  const t = useT();
  const id = useId();
  const canMerge = d.candidates.some((c) => c.canMerge);
  const name = `${id}-decision`;
  return (
    <fieldset className="radio-group import-duplicate" aria-describedby={`${id}-candidates`}>
      <legend className="field__label">{t('exchange.dup.legend', { row: d.row, name: d.nameLatin })}</legend>
      <ul id={`${id}-candidates`} className="import-duplicate__candidates">
        {d.candidates.map((c) => (
          <li key={c.personId}>
            {t('exchange.dup.candidate', { name: c.nameLatin })}
            {c.nameLocal ? (
              <>
                {' '}
                <span dir="auto">({c.nameLocal})</span>
              </>
            ) : null}
            {c.agencyName ? `, ${c.agencyName}` : ''}
            {c.memberCode ? ` (${c.memberCode})` : ''}
            {' — '}
            {t(c.reason === 'same_email' ? 'exchange.dup.sameEmail' : 'exchange.dup.similarName')}
          </li>
        ))}
      </ul>
      {!canMerge ? <p className="field__description">{t('exchange.dup.cannotMerge')}</p> : null}
      <div className="checkbox">
        <input id={`${id}-merge`} type="radio" name={name} value="merge" checked={value === 'merge'} disabled={!canMerge} onChange={() => onChange('merge')} />
        <label htmlFor={`${id}-merge`}>{t('exchange.dup.merge')}</label>
      </div>
      <div className="checkbox">
        <input id={`${id}-keep`} type="radio" name={name} value="keep" checked={value === 'keep'} onChange={() => onChange('keep')} />
        <label htmlFor={`${id}-keep`}>{t('exchange.dup.keep')}</label>
      </div>
    </fieldset>
  );
}
