import { z } from 'zod';
import { localeSchema, roleSchema } from './common';

export const passwordSchema = z
  .string()
  .min(12, 'Use at least 12 characters.')
  .max(256, 'Use at most 256 characters.');

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email('Enter a valid email address.'));

export const currentUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: roleSchema,
  memberScopes: z.array(z.string()),
  locale: localeSchema,
  totpEnabled: z.boolean(),
  /** True when the role requires two-factor authentication and it is not set up yet. */
  mustEnrollTotp: z.boolean(),
});
export type CurrentUser = z.infer<typeof currentUserSchema>;

export const sessionInfoSchema = z.object({
  user: currentUserSchema.nullable(),
  /** Send back as the `x-csrf-token` header on every state-changing request. */
  csrfToken: z.string().nullable(),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

export const loginBodySchema = z.object({
  email: emailSchema,
  password: z.string().min(1, 'Enter your password.').max(1024),
});

export const loginResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('signed_in'), session: sessionInfoSchema }),
  z.object({ status: z.literal('second_factor_required'), challenge: z.string() }),
]);
export type LoginResult = z.infer<typeof loginResultSchema>;

export const secondFactorBodySchema = z
  .object({
    challenge: z.string().min(1).max(2000),
    code: z.string().trim().regex(/^\d{6}$/, 'Enter the 6-digit code.').optional(),
    recoveryCode: z.string().trim().min(8).max(32).optional(),
  })
  .refine((b) => b.code !== undefined || b.recoveryCode !== undefined, {
    message: 'Enter a code from your authenticator app or a recovery code.',
    path: ['code'],
  });

export const forgotPasswordBodySchema = z.object({ email: emailSchema });

export const resetPasswordBodySchema = z.object({
  token: z.string().min(10).max(200),
  password: passwordSchema,
  /** Required when the account has two-factor authentication: a reset never bypasses it. */
  code: z.string().trim().optional(),
  recoveryCode: z.string().trim().optional(),
});

export const invitationPreviewSchema = z.object({
  email: z.string(),
  role: roleSchema,
  memberScopes: z.array(z.string()),
  requiresTotp: z.boolean(),
  expiresAt: z.string(),
});
export type InvitationPreview = z.infer<typeof invitationPreviewSchema>;

export const acceptInvitationBodySchema = z.object({
  displayName: z.string().trim().min(1, 'Enter your name.').max(200),
  password: passwordSchema,
});

export const tokenParam = z.object({ token: z.string().min(10).max(200) });

export type LoginBody = z.input<typeof loginBodySchema>;
export type SecondFactorBody = z.input<typeof secondFactorBodySchema>;
export type ForgotPasswordBody = z.input<typeof forgotPasswordBodySchema>;
export type ResetPasswordBody = z.input<typeof resetPasswordBodySchema>;
export type AcceptInvitationBody = z.input<typeof acceptInvitationBodySchema>;
