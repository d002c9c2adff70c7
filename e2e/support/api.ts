import type { Page } from 'playwright-core';

/**
 * Calls the API from inside the page, so the request carries the page's session cookie, its Origin and the
 * session's CSRF token, exactly as the web app's own requests do. Throws on a non-2xx answer.
 */
export async function call<T = any>(page: Page, method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const session = await (await fetch('/api/auth/session')).json();
      const res = await fetch(path, {
        method,
        headers: { accept: 'application/json', ...(method === 'GET' ? {} : { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken ?? 'anonymous' }) },
        body: method === 'GET' ? undefined : JSON.stringify(body ?? {}),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
      return text ? JSON.parse(text) : null;
    },
    { method, path, body },
  );
}

/** A short random suffix, so records made by one test run do not collide with another's. */
export const unique = () => Math.random().toString(36).slice(2, 7);
