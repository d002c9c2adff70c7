export interface FieldError {
  field: string;
  message: string;
  code?: string;
}

/** A failure with a stable code, rendered by the error handler as application/problem+json. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export const errors = {
  validation: (fields: FieldError[], message = 'Some fields need attention.') =>
    new AppError(400, 'validation_failed', message, fields),
  field: (field: string, message: string, code = 'validation_failed') =>
    new AppError(400, code, message, [{ field, message }]),
  unauthenticated: (message = 'Sign in to continue.') => new AppError(401, 'unauthenticated', message),
  forbidden: (message = 'You do not have permission to do this.') => new AppError(403, 'forbidden', message),
  notFound: (what = 'The resource') => new AppError(404, 'not_found', `${what} was not found.`),
  conflict: (message: string, field?: string) =>
    new AppError(409, 'conflict', message, field ? [{ field, message }] : undefined),
  rateLimited: (retryAfterSeconds: number) =>
    new AppError(429, 'rate_limited', `Too many attempts. Try again in ${retryAfterSeconds} seconds.`, undefined, {
      'retry-after': String(retryAfterSeconds),
    }),
};
