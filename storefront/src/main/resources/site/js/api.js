// The one module that talks to the shop's API: it attaches the access token
// (refreshed before it expires), sends JSON, and turns every error into an
// ApiError carrying the problem+json members (title, detail, errors[], ...)
// for the views to show next to the field or action that caused it.
import { config } from './config.js';
import { accessToken, refresh, signOut } from './auth.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    Object.assign(this, problem);
    this.status = status;
    this.title = problem.title ?? `HTTP ${status}`;
  }
}

/**
 * request('GET', '/catalog/products', { query: {category}, auth: false })
 * Options: body (JSON), headers, query, auth (default true when signed in),
 * fresh (skip the browser's cache, for views that edit what they show),
 * background (a call the user did not ask for: a 401 signs out without leaving the page).
 */
export async function request(method, path, options = {}) {
  const response = await send(method, path, options, false);
  if (response.status === 204) return null;
  const text = await response.text();
  const body = text ? JSON.parse(text) : null;
  return options.withHeaders ? { body, headers: response.headers } : body;
}

async function send(method, path, options, retried) {
  const url = new URL(config().apiUrl + path);
  for (const [name, value] of Object.entries(options.query ?? {})) {
    if (value !== undefined && value !== null && value !== '') url.searchParams.set(name, value);
  }
  const headers = { ...(options.headers ?? {}) };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const token = options.auth === false ? null : await accessToken().catch(() => null);
  if (token) headers.Authorization = `Bearer ${token}`;
  let response;
  try {
    response = await fetch(url, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      cache: options.fresh ? 'no-cache' : 'default',
    });
  } catch (network) {
    throw new ApiError(0, { title: 'The shop cannot be reached', detail: 'Check your connection and try again.' });
  }
  if (response.status === 401 && token && !retried) {
    // The token was refused although it looked valid: refresh once, then give up.
    try {
      await refresh();
      return send(method, path, options, true);
    } catch (ignored) {
      // fall through to sign-in
    }
  }
  if (response.status === 401 && options.background) {
    // A call the user did not ask for (the header's cart count) ends the session quietly.
    signOut();
    throw new ApiError(401, { title: 'Please sign in', detail: 'Your session has ended.' });
  }
  if (response.status === 401 && options.auth !== false) {
    signOut();
    const back = location.hash || '#/';
    location.hash = `#/signin?next=${encodeURIComponent(back)}`;
    throw new ApiError(401, { title: 'Please sign in', detail: 'Your session has ended.' });
  }
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    const error = new ApiError(response.status, problem);
    if (response.status === 503) error.retryAfter = Number(response.headers.get('Retry-After') ?? 1);
    throw error;
  }
  return response;
}

export const get = (path, options) => request('GET', path, options);
export const post = (path, body, options = {}) => request('POST', path, { ...options, body });
export const put = (path, body, options = {}) => request('PUT', path, { ...options, body });
export const del = (path, options) => request('DELETE', path, options);

/** A fresh Idempotency-Key: one per checkout attempt, reused by its retries. */
export function newIdempotencyKey() {
  return crypto.randomUUID();
}
