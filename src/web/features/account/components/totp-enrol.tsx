import { useRef, useState, type FormEvent } from 'react';
import type { TotpSetup } from '@/contracts/account';
import { FormAlert } from '@/web/components/alert';
import { AuthCodeField } from '@/web/components/auth-code-field';
import { Button } from '@/web/components/button';
import { useT } from '@/web/i18n/use-t';
import { checkTotpCode, useFormErrors } from '@/web/lib/form-errors';
import { useConfirmTotp } from '../api';

/** Groups the secret in fours so it can be read out and typed without losing one's place. */
function groupSecret(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(' ') ?? secret;
}

export function TotpEnrol({ setup, onConfirmed }: { setup: TotpSetup; onConfirmed: (codes: string[]) => void }) {
  const t = useT();
  const form = useRef<HTMLFormElement>(null);
  const { errors, check, fromError } = useFormErrors(form);
  const confirm = useConfirmTotp();
  const [code, setCode] = useState('');

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!check(checkTotpCode(t, code))) return;
    confirm.mutate(code.trim(), {
      onSuccess: (result) => onConfirmed(result.recoveryCodes),
      onError: (error) => fromError(error, ['code']),
    });
  }

  return (
    <>
      <ol className="steps">
        <li>{t('setup.stepApp')}</li>
        <li>
          {t('setup.stepScan')}
          <div className="qr">
            {/* An <img> with a data: URL keeps the server's SVG from running as markup in the page. */}
            <img
              src={`data:image/svg+xml;utf8,${encodeURIComponent(setup.qrSvg)}`}
              alt={t('setup.qrAlt')}
              width={200}
              height={200}
            />
          </div>
          <p>{t('setup.manual')}</p>
          <p>
            <code className="secret">{groupSecret(setup.secret)}</code>
          </p>
          <p>
            <a href={setup.otpauthUrl}>{t('setup.openApp')}</a>
          </p>
        </li>
        <li>{t('setup.stepCode')}</li>
      </ol>
      <form ref={form} className="form" onSubmit={onSubmit} noValidate>
        <FormAlert message={errors.form} />
        <AuthCodeField
          description={t('twoFactor.codeHint')}
          value={code}
          onChange={setCode}
          error={errors.fields.code}
        />
        <Button type="submit" pending={confirm.isPending}>
          {t('twoFactor.verify')}
        </Button>
      </form>
    </>
  );
}
