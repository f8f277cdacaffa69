/**
 * @module A referral in FHIR R4, after the HL7 SDOH Clinical Care IG's referral pattern: a
 * ServiceRequest (what was asked, of whom) and a Task with code `fulfill` whose focus is that
 * ServiceRequest and whose status follows the partner's answers (FHIR TaskStatus). Neither carries
 * patient data: the subject is the case's pseudonym, the performer the directory service.
 */
import { canonical } from '../platform/fhir/canonical.ts';
import type { ReferralStatus } from './referral-model.ts';
import type { ReferralView } from './referral-store.ts';

const CASE_IDENTIFIER_SYSTEM = canonical.namingSystem('case');
const SERVICE_IDENTIFIER_SYSTEM = canonical.namingSystem('hsds-service');
const USER_IDENTIFIER_SYSTEM = canonical.namingSystem('user');
const ORGANIZATION_IDENTIFIER_SYSTEM = canonical.namingSystem('organization');

// The request stays active while the partner works on it; a declined or withdrawn one is revoked.
const requestStatus: Record<ReferralStatus, fhir4.ServiceRequest['status']> = {
  requested: 'active', accepted: 'active', completed: 'completed', rejected: 'revoked', cancelled: 'revoked',
};

type ReferralFacts = Pick<ReferralView, 'id' | 'serviceId' | 'serviceName' | 'status' | 'statusReason' | 'partnerOrganizationId' | 'createdBy' | 'createdAt' | 'updatedAt'>;

const subjectOf = (pseudonym: string): fhir4.Reference => ({ type: 'Patient', identifier: { system: CASE_IDENTIFIER_SYSTEM, value: pseudonym } });
const performerOf = (referral: ReferralFacts): fhir4.Reference => ({
  type: 'HealthcareService', identifier: { system: SERVICE_IDENTIFIER_SYSTEM, value: referral.serviceId }, display: referral.serviceName,
});
const requesterOf = (referral: ReferralFacts): fhir4.Reference => ({ type: 'Practitioner', identifier: { system: USER_IDENTIFIER_SYSTEM, value: referral.createdBy } });

/** The referral as a ServiceRequest. */
export function referralToServiceRequest(referral: ReferralFacts, casePseudonym: string): fhir4.ServiceRequest {
  return {
    resourceType: 'ServiceRequest',
    id: referral.id,
    meta: { lastUpdated: referral.updatedAt },
    status: requestStatus[referral.status],
    intent: 'order',
    code: { text: referral.serviceName },
    subject: subjectOf(casePseudonym),
    authoredOn: referral.createdAt,
    requester: requesterOf(referral),
    performer: [performerOf(referral)],
  };
}

/** The referral's fulfilment Task; its status is the referral's status. */
export function referralToTask(referral: ReferralFacts, casePseudonym: string): fhir4.Task {
  const owner: fhir4.Reference = referral.partnerOrganizationId
    ? { type: 'Organization', identifier: { system: ORGANIZATION_IDENTIFIER_SYSTEM, value: referral.partnerOrganizationId }, display: referral.serviceName }
    : performerOf(referral);
  return {
    resourceType: 'Task',
    id: referral.id,
    meta: { lastUpdated: referral.updatedAt },
    status: referral.status,
    ...(referral.statusReason ? { statusReason: { text: referral.statusReason } } : {}),
    intent: 'order',
    code: { coding: [{ system: 'http://hl7.org/fhir/CodeSystem/task-code', code: 'fulfill', display: 'Fulfill the focal request' }] },
    focus: { reference: `ServiceRequest/${referral.id}` },
    for: subjectOf(casePseudonym),
    authoredOn: referral.createdAt,
    lastModified: referral.updatedAt,
    requester: requesterOf(referral),
    owner,
  };
}
