import { AuthCodeField } from '@/web/components/auth-code-field';
import { Button } from '@/web/components/button';
import { TextField } from '@/web/components/text-field';
import { useT } from '@/web/i18n/use-t';
import { rules } from '@/web/lib/form-errors';

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
        <AuthCodeField
          key="code"
          description={t('twoFactor.codeHint')}
          autoFocus={props.autoFocus}
          value={props.code}
          onChange={props.onCode}
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
  return rules.isTotpCode(code) ? {} : { code: messages.code };
}
