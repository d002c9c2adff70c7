import { z } from 'zod';
import { emailSchema } from './auth';
import { localeSchema, pageQuery, roleSchema } from './common';

export const userStatusSchema = z.enum(['active', 'disabled']);

export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: roleSchema,
  memberScopes: z.array(z.string()),
  status: userStatusSchema,
  locale: localeSchema,
  totpEnabled: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

export const userListQuerySchema = pageQuery.extend({
  q: z.string().trim().max(200).optional(),
  role: roleSchema.optional(),
  status: userStatusSchema.optional(),
});

export const userListSchema = z.object({ items: z.array(userSchema), nextCursor: z.string().nullable() });

export const memberCodesSchema = z
  .array(z.string().trim().toUpperCase().min(2).max(12))
  .max(60)
  .transform((codes) => [...new Set(codes)].sort());

export const updateUserBodySchema = z
  .object({
    role: roleSchema.optional(),
    memberScopes: memberCodesSchema.optional(),
    displayName: z.string().trim().min(1).max(200).optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), {
    message: 'Nothing to change.',
    path: ['role'],
  });

export const invitationSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: roleSchema,
  memberScopes: z.array(z.string()),
  invitedBy: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  status: z.enum(['pending', 'accepted', 'expired', 'revoked']),
  expiresAt: z.string(),
  createdAt: z.string(),
});
export type Invitation = z.infer<typeof invitationSchema>;

export const createInvitationBodySchema = z.object({
  email: emailSchema,
  role: roleSchema,
  memberScopes: memberCodesSchema.default([]),
});

export const invitationListSchema = z.object({ items: z.array(invitationSchema) });

export type UserList = z.infer<typeof userListSchema>;
export type UpdateUserBody = z.input<typeof updateUserBodySchema>;
export type CreateInvitationBody = z.input<typeof createInvitationBodySchema>;
export type InvitationList = z.infer<typeof invitationListSchema>;
