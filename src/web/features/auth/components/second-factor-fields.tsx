import { TextField } from '@/web/components/text-field';
import { Button } from '@/web/components/button';
import { useT } from '@/web/i18n/use-t';

interface SecondFactorFieldsProps {
  useRecovery: boolean;
  onToggle: () => void;
  code: string;
  onCode: (value: string) => void;
  recoveryCode: string;
  onRecoveryCode: (value: string) => void;
  errors: Record<string, string>;
  /** Focus the field when it appears: it is the next thing to do. */
  autoFocus?: boolean;
}

/** The authentication code field, or the recovery code field, with the switch between them. */
export function SecondFactorFields(props: SecondFactorFieldsProps) {
  const t = useT();
  return (
    <>
      {props.useRecovery ? (
        <TextField
          key="recovery"
          label={t('field.recoveryCode')}
          description={t('twoFactor.recoveryHint')}
          name="recoveryCode"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          required
          autoFocus={props.autoFocus}
          value={props.recoveryCode}
          onChange={(e) => props.onRecoveryCode(e.target.value)}
          error={props.errors.recoveryCode}
        />
      ) : (
        <TextField
          key="code"
          label={t('field.authCode')}
          description={t('twoFactor.codeHint')}
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          required
          autoFocus={props.autoFocus}
          value={props.code}
          onChange={(e) => props.onCode(e.target.value.replace(/\s/g, ''))}
          error={props.errors.code}
        />
      )}
      <Button variant="link" onClick={props.onToggle}>
        {props.useRecovery ? t('twoFactor.useAppCode') : t('twoFactor.useRecoveryCode')}
      </Button>
    </>
  );
}

/** Client-side check shared by the sign-in and password-reset code steps. */
export function checkSecondFactor(
  useRecovery: boolean,
  code: string,
  recoveryCode: string,
  messages: { code: string; recovery: string },
): Record<string, string> {
  if (useRecovery) return recoveryCode.trim().length >= 8 ? {} : { recoveryCode: messages.recovery };
  return /^\d{6}$/.test(code.trim()) ? {} : { code: messages.code };
}
