/**
 * @module Turns any error into the answer a client can act on: problem+json on the REST API, an
 * OperationOutcome on FHIR routes. Unknown errors become a bare 500 whose details go only to the
 * log (without request bodies), never to the client.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { LanternError, toProblem, type ErrorCode } from './errors.ts';
import { FhirValidationError } from '../fhir/http.ts';

interface ValidationIssue { instancePath: string; message?: string; keyword: string; params: Record<string, unknown> }

function fieldOf(issue: ValidationIssue, context: string | undefined): string {
  const path = issue.instancePath.replace(/^\//, '').replace(/\//g, '.');
  const extra = typeof issue.params.additionalProperty === 'string' ? issue.params.additionalProperty
    : typeof issue.params.missingProperty === 'string' ? issue.params.missingProperty : '';
  const joined = [path, extra].filter(Boolean).join('.');
  return joined || context || 'body';
}

function describe(issue: ValidationIssue): string {
  if (issue.keyword === 'additionalProperties') return 'is not a known field';
  if (issue.keyword === 'required') return 'is required';
  return issue.message ?? 'is not valid';
}

/** Maps an error thrown anywhere to a LanternError (plus per-field errors for validation). */
export function normalizeError(error: FastifyError | Error): { error: LanternError; errors?: { field: string; message: string }[] } {
  if (error instanceof LanternError) return error.errors ? { error, errors: error.errors } : { error };
  const fastifyError = error as FastifyError & { validation?: ValidationIssue[]; validationContext?: string };
  if (fastifyError.validation) {
    const errors = fastifyError.validation.map((issue) => ({ field: fieldOf(issue, fastifyError.validationContext), message: describe(issue) }));
    const first = errors[0]!;
    return { error: new LanternError('INVALID', `${first.field} ${first.message}.`, first.field), errors };
  }
  const byCode: Record<string, [ErrorCode, string]> = {
    FST_ERR_CTP_BODY_TOO_LARGE: ['PAYLOAD_TOO_LARGE', 'The request body is too large.'],
    FST_ERR_CTP_INVALID_MEDIA_TYPE: ['UNSUPPORTED_MEDIA_TYPE', 'Send the request body as JSON (Content-Type: application/json).'],
    FST_ERR_CTP_INVALID_CONTENT_LENGTH: ['INVALID', 'The Content-Length header does not match the body.'],
    FST_ERR_CTP_EMPTY_JSON_BODY: ['INVALID', 'The request body is empty; send a JSON object.'],
    FST_ERR_CTP_INVALID_JSON_BODY: ['INVALID', 'The request body is not valid JSON.'],
    FST_ERR_BAD_URL: ['INVALID', 'The URL is not valid.'],
  };
  const known = fastifyError.code ? byCode[fastifyError.code] : undefined;
  if (known) return { error: new LanternError(known[0], known[1]) };
  if (error instanceof SyntaxError || fastifyError.statusCode === 400) return { error: new LanternError('INVALID', 'The request is not valid JSON or has a malformed part.') };
  if (fastifyError.statusCode === 415) return { error: new LanternError('UNSUPPORTED_MEDIA_TYPE', 'This content type is not accepted here; send JSON.') };
  if (fastifyError.statusCode === 413) return { error: new LanternError('PAYLOAD_TOO_LARGE', 'The request body is too large.') };
  if (fastifyError.statusCode === 429) return { error: new LanternError('RATE_LIMITED', 'Too many requests; wait a minute and try again.') };
  if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return { error: new LanternError('INVALID', 'The request could not be processed as sent.', undefined, { status: fastifyError.statusCode }) };
  }
  return { error: new LanternError('INTERNAL', 'Something went wrong on the server. The error was logged; try again, and tell your administrator if it persists.', undefined, { cause: error }) };
}

const fhirSeverity = (status: number): 'error' | 'fatal' => (status >= 500 ? 'fatal' : 'error');
const fhirCode: Partial<Record<ErrorCode, string>> = {
  INVALID: 'invalid', NOT_FOUND: 'not-found', FORBIDDEN: 'forbidden', UNAUTHENTICATED: 'login', CONFLICT: 'conflict',
  PAYLOAD_TOO_LARGE: 'too-costly', RATE_LIMITED: 'throttled', CSRF: 'security', LOCKED: 'lock-error',
};

/** An OperationOutcome for FHIR routes; `expression` names the element when known. */
export function toOperationOutcome(error: LanternError, errors?: { field: string; message: string }[]): Record<string, unknown> {
  const issues = (errors && errors.length > 0 ? errors : [{ field: error.field ?? '', message: error.message }]).map((e) => ({
    severity: fhirSeverity(error.status),
    code: fhirCode[error.code] ?? 'exception',
    diagnostics: e.field && errors ? `${e.field} ${e.message}` : e.message,
    ...(e.field ? { expression: [e.field] } : {}),
  }));
  return { resourceType: 'OperationOutcome', issue: issues };
}

export function isFhirRoute(url: string): boolean {
  return url === '/fhir' || url.startsWith('/fhir/') || url.startsWith('/fhir?');
}

export function sendError(request: FastifyRequest, reply: FastifyReply, raw: FastifyError | Error): FastifyReply {
  const { error, errors } = normalizeError(raw);
  if (error.status >= 500) request.log.error({ err: error.cause ?? raw }, 'request failed');
  if (isFhirRoute(request.url)) {
    if (raw instanceof FhirValidationError) return reply.code(400).type('application/fhir+json').send(raw.outcome);
    return reply.code(error.status).type('application/fhir+json').send(toOperationOutcome(error, errors));
  }
  return reply.code(error.status).type('application/problem+json').send(toProblem(error, request.url.split('?')[0], errors));
}
