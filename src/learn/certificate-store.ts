/**
 * @module Certificates: issued when a learner passes, frozen as printed (name, course title and
 * version, CE hours, organization), found by their code's hash, revoked by educators. Every issue,
 * download and revocation is audited.
 */
import { randomUUID } from 'node:crypto';
import type { Db, Dialect } from '../platform/db/index.ts';
import type { OrgScope } from '../platform/db/scope.ts';
import { recordAudit } from '../platform/audit/index.ts';
import { conflict, notFound } from '../platform/http/errors.ts';
import type { Course } from './course-model.ts';
import type { LearnCertificateTable, LearnEnrolmentTable } from './tables.ts';
import { certificateCodeHash, newCertificateCode } from './certificate-code.ts';
import { assertOwnOrOverseen, oversees, type Learner } from './learner-context.ts';
import { forbidden } from '../platform/http/errors.ts';
import type { CertificateContent } from './certificate-pdf.ts';

export interface CertificateView {
  id: string;
  userId: string;
  courseId: string;
  courseVersion: string;
  courseTitle: string;
  ceHours: number;
  learnerName: string;
  organizationName: string;
  issuedAt: string;
  status: 'valid' | 'revoked';
  revokedAt: string | null;
  revokedReason: string | null;
}

/** Issues the certificate for a passed attempt (inside the attempt's transaction). */
export async function issueCertificate(tx: OrgScope, input: { enrolment: LearnEnrolmentTable; attemptId: string; course: Course; organizationName: string; at: string }): Promise<CertificateView> {
  const { enrolment, course } = input;
  const user = await tx.selectFrom('platform_membership').innerJoin('platform_user', 'platform_user.id', 'platform_membership.user_id')
    .select('platform_user.display_name').where('platform_membership.user_id', '=', enrolment.user_id).executeTakeFirst();
  const code = newCertificateCode();
  const id = randomUUID();
  const row: Omit<LearnCertificateTable, 'organization_id'> = {
    id, user_id: enrolment.user_id, enrolment_id: enrolment.id, attempt_id: input.attemptId, code_hash: certificateCodeHash(code),
    code: tx.seal(code, { table: 'learn_certificate', column: 'code', rowId: id }),
    course_id: course.id, course_version: course.version, course_title: course.title[enrolment.language] ?? course.title[course.languages[0] ?? 'en'] ?? course.id,
    ce_hours: course.ceHours, learner_name: user?.display_name ?? '', organization_name: input.organizationName, language: enrolment.language,
    issued_at: input.at, revoked_at: null, revoked_by: null, revoked_reason: null,
  };
  await tx.insert('learn_certificate', row);
  await tx.audit({ action: 'create', resourceType: 'certificate', resourceId: id });
  return presentCertificate({ ...row, organization_id: tx.organizationId });
}

/** The certificates the caller may see: their own, or (educators) a user's or everyone's. */
export async function listCertificates(scope: OrgScope, learner: Learner, filter: { userId?: string; all?: boolean }): Promise<CertificateView[]> {
  let query = scope.selectFrom('learn_certificate').selectAll().orderBy('issued_at', 'desc');
  if (filter.all) {
    if (!oversees(learner)) throw forbidden('Only educators see everyone\'s certificates.');
  } else {
    const userId = filter.userId ?? learner.userId;
    assertOwnOrOverseen(learner, userId);
    query = query.where('user_id', '=', userId);
  }
  return (await query.execute()).map(presentCertificate);
}

/** What the PDF prints, for a certificate the caller may see; audited as a read. */
export async function certificateForPrint(scope: OrgScope, learner: Learner, id: string, publicUrl: string): Promise<CertificateContent> {
  const row = await scope.selectFrom('learn_certificate').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Certificate');
  assertOwnOrOverseen(learner, row.user_id);
  await scope.audit({ action: 'read', resourceType: 'certificate', resourceId: id });
  const code = scope.open(row.code, { table: 'learn_certificate', column: 'code', rowId: id });
  return {
    learnerName: row.learner_name, courseTitle: row.course_title, courseVersion: row.course_version, ceHours: row.ce_hours,
    issuedOn: row.issued_at.slice(0, 10), organizationName: row.organization_name, code, verifyUrl: `${publicUrl}/verify/${code}`, language: row.language,
  };
}

/** Revokes a certificate (educators), with a reason kept for the record; audited. */
export async function revokeCertificate(scope: OrgScope, learner: Learner, id: string, reason: string): Promise<CertificateView> {
  return scope.transaction(async (tx) => {
    const row = await tx.selectFrom('learn_certificate').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('Certificate');
    if (row.revoked_at) throw conflict('This certificate is already revoked.');
    const at = new Date().toISOString();
    await tx.updateTable('learn_certificate').set({ revoked_at: at, revoked_by: learner.userId, revoked_reason: reason }).where('id', '=', id).execute();
    await tx.audit({ action: 'revoke', resourceType: 'certificate', resourceId: id });
    return presentCertificate({ ...row, revoked_at: at, revoked_by: learner.userId, revoked_reason: reason });
  });
}

/** What the public page may say about a code: nothing beyond status, course, version, date and the printed name. */
export interface Verification {
  status: 'valid' | 'revoked' | 'unknown';
  courseTitle?: string;
  courseVersion?: string;
  issuedOn?: string;
  learnerName?: string;
}

/** Looks a code up across organizations (the page is public); a hit is audited in its organization. */
export async function verifyCertificate(db: Db, dialect: Dialect, code: string | null, requestId: string): Promise<Verification> {
  if (!code) return { status: 'unknown' };
  const row = await db.selectFrom('learn_certificate')
    .select(['id', 'organization_id', 'course_title', 'course_version', 'issued_at', 'learner_name', 'revoked_at'])
    .where('code_hash', '=', certificateCodeHash(code)).executeTakeFirst();
  if (!row) return { status: 'unknown' };
  const status = row.revoked_at ? 'revoked' : 'valid';
  await db.transaction().execute((tx) => recordAudit(tx, dialect, {
    organizationId: row.organization_id, actorId: null, actorKind: 'anonymous', action: 'verify', resourceType: 'certificate', resourceId: row.id, requestId,
  }));
  return { status, courseTitle: row.course_title, courseVersion: row.course_version, issuedOn: row.issued_at.slice(0, 10), learnerName: row.learner_name };
}

export function presentCertificate(row: LearnCertificateTable): CertificateView {
  return {
    id: row.id, userId: row.user_id, courseId: row.course_id, courseVersion: row.course_version, courseTitle: row.course_title, ceHours: row.ce_hours,
    learnerName: row.learner_name, organizationName: row.organization_name, issuedAt: row.issued_at,
    status: row.revoked_at ? 'revoked' : 'valid', revokedAt: row.revoked_at, revokedReason: row.revoked_reason,
  };
}
