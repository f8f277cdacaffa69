/**
 * @module The web app's REST client: JSON in and out, the session's CSRF token on every write, and
 * problem+json answers turned into `ApiError` (the UI localizes them by `code`).
 */

/** A field-level error from a problem+json answer. */
export interface FieldError {
  field: string;
  message: string;
}

/** An error answer from the API (RFC 9457 problem details with Lantern's `code` and `field`). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly field?: string,
    readonly errors: FieldError[] = [],
  ) {
    super(detail);
    this.name = 'ApiError';
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Talks to Lantern's REST API on the same origin. */
export class ApiClient {
  private csrfToken: string | undefined;

  /** `headers` go with every request (a signed referral link's token, which never rides in the URL). */
  constructor(private readonly headers: Readonly<Record<string, string>> = {}) {}

  /**
   * Called when a request outside the sign-in steps finds the session gone (expired, signed out
   * elsewhere), so the app can return to the sign-in page instead of showing errors.
   */
  onSessionEnded: (() => void) | undefined;

  /** Remembers the session's CSRF token for later writes (from SessionView). */
  setCsrfToken(token: string | undefined): void {
    this.csrfToken = token;
  }

  get<T>(path: string): Promise<T> {
    return this.send<T>('GET', path);
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.send<T>('POST', path, body);
  }

  put<T>(path: string, body: unknown): Promise<T> {
    return this.send<T>('PUT', path, body);
  }

  patch<T>(path: string, body: unknown): Promise<T> {
    return this.send<T>('PATCH', path, body);
  }

  delete(path: string): Promise<void> {
    return this.send<void>('DELETE', path);
  }

  /** Sends one request; resolves with the parsed JSON (undefined for 204), rejects with ApiError. */
  async send<T>(method: Method, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { ...this.headers, accept: 'application/json, application/problem+json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET' && this.csrfToken) headers['x-csrf-token'] = this.csrfToken;
    let response: Response;
    try {
      response = await fetch(path, { method, headers, credentials: 'same-origin', ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    } catch {
      throw new ApiError(0, 'NETWORK', 'The server could not be reached.');
    }
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    const parsed: unknown = text === '' ? undefined : safeParse(text);
    if (!response.ok) {
      const error = toApiError(response.status, parsed);
      if (error.code === 'UNAUTHENTICATED' && !path.startsWith('/api/session')) this.onSessionEnded?.();
      throw error;
    }
    return parsed as T;
  }
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function toApiError(status: number, body: unknown): ApiError {
  const problem = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const code = typeof problem.code === 'string' ? problem.code : status >= 500 ? 'INTERNAL' : 'INVALID';
  const detail = typeof problem.detail === 'string' ? problem.detail : '';
  const field = typeof problem.field === 'string' ? problem.field : undefined;
  const errors = Array.isArray(problem.errors) ? (problem.errors as FieldError[]) : [];
  return new ApiError(status, code, detail, field, errors);
}
