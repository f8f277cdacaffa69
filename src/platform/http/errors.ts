/**
 * @module The one error type. Logic throws a LanternError; the app's error handler turns it into
 * `application/problem+json` (RFC 9457) on the REST API or an OperationOutcome on FHIR routes.
 * Messages name the field and what to do; they never carry patient data, SQL or stack traces.
 */

export const errorCatalog = {
  INVALID: 400,
  UNAUTHENTICATED: 401,
  MFA_REQUIRED: 401,
  FORBIDDEN: 403,
  CSRF: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  LOCKED: 423,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof errorCatalog;

export interface FieldError {
  field: string;
  message: string;
}

export class LanternError extends Error {
  readonly status: number;
  /** Every problem found, when there is more than one (an import, a document). */
  readonly errors: FieldError[] | undefined;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    options?: ErrorOptions & { status?: number; errors?: FieldError[] },
  ) {
    super(message, options);
    this.name = 'LanternError';
    this.status = options?.status ?? errorCatalog[code];
    this.errors = options?.errors;
  }
}

export const invalid = (message: string, field?: string): LanternError => new LanternError('INVALID', message, field);
export const notFound = (what: string): LanternError => new LanternError('NOT_FOUND', `${what} was not found.`);
export const forbidden = (message = 'Your role does not allow this action.'): LanternError =>
  new LanternError('FORBIDDEN', message);
export const unauthenticated = (message = 'Sign in to continue.'): LanternError =>
  new LanternError('UNAUTHENTICATED', message);
export const conflict = (message: string, field?: string): LanternError => new LanternError('CONFLICT', message, field);

/** RFC 9457 problem details, with Lantern's `code` and `field` members. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  field?: string;
  instance?: string;
  errors?: FieldError[];
}

const titles: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
  409: 'Conflict', 413: 'Payload Too Large', 415: 'Unsupported Media Type', 423: 'Locked',
  429: 'Too Many Requests', 500: 'Internal Server Error', 503: 'Service Unavailable',
};

export function toProblem(error: LanternError, instance?: string, errors?: Problem['errors']): Problem {
  return {
    type: `urn:lantern:problem:${error.code.toLowerCase().replace(/_/g, '-')}`,
    title: titles[error.status] ?? 'Error',
    status: error.status,
    detail: error.message,
    code: error.code,
    ...(error.field ? { field: error.field } : {}),
    ...(instance ? { instance } : {}),
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}
