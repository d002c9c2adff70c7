import { z } from 'zod';
import { roles } from './roles';

/** RFC 9457 problem details, as every error response of the API. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  requestId: z.string().optional(),
  errors: z
    .array(z.object({ field: z.string(), message: z.string(), code: z.string().optional() }))
    .optional(),
});
export type Problem = z.infer<typeof problemSchema>;

export const okSchema = z.object({ ok: z.literal(true) });
export type Ok = z.infer<typeof okSchema>;

export const roleSchema = z.enum(roles);

export const isoDateTime = z.string().describe('ISO 8601 date-time, UTC');

export const idParam = z.object({ id: z.string().min(1).max(64) });

export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

export const localeSchema = z.enum(['en', 'id']);
export type Locale = z.infer<typeof localeSchema>;
