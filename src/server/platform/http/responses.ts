import { z } from 'zod';
import { problemSchema } from '@/contracts/common';

/** Problem responses to list in a route's schema, so OpenAPI shows them. */
export const problems = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, problemSchema])) as Record<number, typeof problemSchema>;

export const okResponse = z.object({ ok: z.literal(true) });
