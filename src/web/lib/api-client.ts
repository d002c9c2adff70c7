import type { Problem } from '@/contracts/common';

/** An error response of the API, carrying its problem+json body. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  /** Seconds from the Retry-After header, when the server sent one. */
  readonly retryAfter: number | null;

  constructor(status: number, problem: Problem, retryAfter: number | null) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.retryAfter = retryAfter;
  }

  get code(): string {
    return this.problem.code;
  }
}

// 401s with these codes are answers about what the user typed, not a sign that the session ended.
const credentialCodes = new Set(['invalid_credentials', 'invalid_code', 'second_factor_required', 'token_invalid']);

type Listener = (error: ApiError) => void;
const unauthenticatedListeners = new Set<Listener>();
const enrollmentListeners = new Set<Listener>();

/** Called when a request is refused because the session has ended (revoked, expired, account disabled). */
export function onSessionEnded(listener: Listener): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

/** Called when the server refuses a request until two-factor authentication is set up. */
export function onEnrollmentRequired(listener: Listener): () => void {
  enrollmentListeners.add(listener);
  return () => enrollmentListeners.delete(listener);
}

let csrfToken: string | null = null;
let acceptLanguage = 'en';

/** The session's CSRF token; signed-out requests send the literal `anonymous`. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setRequestLanguage(locale: string): void {
  acceptLanguage = locale;
}

export type Query = Record<string, string | number | undefined | null>;

/** Builds `?a=1&b=2`, leaving out empty values so the server applies its defaults. */
export function toQueryString(query: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
}

function parseRetryAfter(value: string | null): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.code === 'string' && typeof v.title === 'string';
}

async function readProblem(res: Response): Promise<Problem> {
  const fallback: Problem = {
    type: 'about:blank',
    title: res.statusText || `HTTP ${res.status}`,
    status: res.status,
    code: res.status >= 500 ? 'server_error' : `http_${res.status}`,
  };
  try {
    const body: unknown = await res.json();
    return isProblem(body) ? body : fallback;
  } catch {
    return fallback;
  }
}

/** Fetches JSON from the hub's API; throws ApiError for any non-2xx answer. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': acceptLanguage };
  let body: string | undefined;
  if (method !== 'GET') {
    headers['content-type'] = 'application/json';
    headers['x-csrf-token'] = csrfToken ?? 'anonymous';
    body = JSON.stringify(options.body ?? {});
  }
  const res = await fetch(path, {
    method,
    headers,
    body,
    credentials: 'same-origin',
    signal: options.signal,
  });

  if (!res.ok) {
    const error = new ApiError(res.status, await readProblem(res), parseRetryAfter(res.headers.get('retry-after')));
    if (res.status === 401 && !credentialCodes.has(error.code)) {
      for (const listener of unauthenticatedListeners) listener(error);
    } else if (error.code === 'second_factor_enrollment_required') {
      for (const listener of enrollmentListeners) listener(error);
    }
    throw error;
  }
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}
