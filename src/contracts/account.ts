import { z } from 'zod';
import { localeSchema } from './common';
import { passwordSchema } from './auth';

export const accountSessionSchema = z.object({
  id: z.string(),
  device: z.string(),
  ip: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  current: z.boolean(),
});
export type AccountSession = z.infer<typeof accountSessionSchema>;

export const changePasswordBodySchema = z.object({
  currentPassword: z.string().min(1, 'Enter your current password.').max(1024),
  newPassword: passwordSchema,
});

export const totpSetupSchema = z.object({
  secret: z.string(),
  otpauthUrl: z.string(),
  /** SVG markup of the QR code for the otpauth URL. */
  qrSvg: z.string(),
});
export type TotpSetup = z.infer<typeof totpSetupSchema>;

export const totpCodeBodySchema = z.object({
  code: z.string().trim().regex(/^\d{6}$/, 'Enter the 6-digit code.'),
});

export const recoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()) });

export const disableTotpBodySchema = z.object({
  password: z.string().min(1, 'Enter your password.').max(1024),
  code: z.string().trim().regex(/^\d{6}$/, 'Enter the 6-digit code.'),
});

export const updateProfileBodySchema = z
  .object({
    displayName: z.string().trim().min(1, 'Enter your name.').max(200).optional(),
    locale: localeSchema.optional(),
  })
  .refine((b) => b.displayName !== undefined || b.locale !== undefined, {
    message: 'Nothing to change.',
    path: ['displayName'],
  });

export type ChangePasswordBody = z.input<typeof changePasswordBodySchema>;
export type RecoveryCodes = z.infer<typeof recoveryCodesSchema>;
export type DisableTotpBody = z.input<typeof disableTotpBodySchema>;
export type UpdateProfileBody = z.input<typeof updateProfileBodySchema>;
