/**
 * @module Kinds of service the synthetic directory draws from, each tied to codes of the shipped
 * taxonomy (content/refer/taxonomy.json). Invented listings for tests; not a claim about any
 * real program.
 */

export interface ServiceTemplate {
  names: string[];
  description: string;
  eligibility: string;
  /** Codes of category terms (lantern-categories). */
  categories: string[];
  /** Codes of population terms (lantern-populations). */
  populations: string[];
  minimumAge?: number;
  maximumAge?: number;
  hours: 'always' | 'office';
  /** Probability that a listing of this kind is at a confidential location. */
  confidential: number;
  manyLanguages?: boolean;
}

const office = { hours: 'office', confidential: 0 } as const;
const adults = { populations: ['adults'], minimumAge: 18 };

/** The kinds of listing, drawn with equal chance. */
export const serviceTemplates: ServiceTemplate[] = [
  { names: ['Emergency Shelter', 'Overnight Shelter'], description: 'Beds, meals and showers for anyone who needs a safe place tonight.', eligibility: 'Adults without a safe place to stay.', categories: ['emergency-shelter'], ...adults, hours: 'always', confidential: 0.3 },
  { names: ['Survivor Residence', 'Safe House for Trafficking Survivors'], description: 'A residential program for survivors of sex and labor trafficking, with case management on site.', eligibility: 'Survivors of human trafficking, referred by an advocate, hospital or hotline.', categories: ['trafficking-shelter', 'case-management'], populations: ['adults', 'women', 'foreign-nationals', 'us-citizens'], minimumAge: 18, hours: 'always', confidential: 1 },
  { names: ['Domestic Violence Shelter', 'Safe Home Program'], description: 'Shelter and safety planning for people escaping abuse, with their children.', eligibility: 'People experiencing domestic or family violence, and their children.', categories: ['domestic-violence-shelter'], populations: ['women', 'families', 'lgbtq'], hours: 'always', confidential: 1 },
  { names: ['Youth Shelter', 'Runaway and Homeless Youth Shelter'], description: 'Short-term shelter, meals and counseling for young people who cannot go home.', eligibility: 'Young people aged 12 to 24.', categories: ['youth-shelter'], populations: ['minors', 'transition-age-youth', 'lgbtq'], minimumAge: 12, maximumAge: 24, hours: 'always', confidential: 0.5 },
  { names: ['Transitional Housing Program'], description: 'Apartments for up to two years with a case manager and help finding permanent housing.', eligibility: 'Survivors of trafficking or violence leaving shelter.', categories: ['transitional-housing'], ...adults, hours: 'office', confidential: 0.3 },
  { names: ['Immigration Legal Clinic', 'Survivor Immigration Project'], description: 'Free consultations and representation on immigration matters for survivors of crime and trafficking.', eligibility: 'Survivors of crime or trafficking who are not U.S. citizens.', categories: ['immigration-legal'], populations: ['foreign-nationals'], ...office },
  { names: ['Record Clearing Clinic'], description: 'Help sealing or clearing criminal records connected to being trafficked.', eligibility: 'Survivors with convictions related to their trafficking.', categories: ['criminal-record-relief'], ...adults, ...office },
  { names: ['Civil Legal Aid', 'Protective Order Assistance'], description: 'Lawyers for protective orders, custody, housing and benefits.', eligibility: 'Low-income residents; survivors of violence prioritized.', categories: ['civil-legal'], ...adults, ...office },
  { names: ["Workers' Rights Clinic", 'Wage Claim Assistance'], description: 'Help recovering unpaid wages and reporting unsafe or forced work.', eligibility: 'Any worker, whatever their immigration status.', categories: ['labor-rights'], populations: ['adults', 'foreign-nationals'], ...office },
  { names: ['Survivor Case Management', 'Comprehensive Case Management'], description: 'A case manager who helps with housing, benefits, health care, legal help and safety planning.', eligibility: 'Survivors of human trafficking of any age.', categories: ['case-management', 'victim-advocacy'], populations: ['adults', 'minors', 'foreign-nationals', 'us-citizens'], ...office },
  { names: ['Crime Victim Advocacy Program'], description: 'Advocates who accompany victims to police interviews and court and help with compensation claims.', eligibility: 'Victims of crime.', categories: ['victim-advocacy'], ...adults, ...office },
  { names: ['Survivor Peer Support Group'], description: 'Weekly groups led by survivors for survivors.', eligibility: 'Adult survivors of trafficking or exploitation.', categories: ['peer-support'], populations: ['adults', 'women', 'lgbtq'], ...office },
  { names: ['Child Advocacy Center'], description: 'Forensic interviews, medical exams and advocacy for children in one child-friendly place.', eligibility: 'Children and teens referred by child protective services, law enforcement or a clinician.', categories: ['child-advocacy-center'], populations: ['minors', 'families'], minimumAge: 0, maximumAge: 17, ...office },
  { names: ['Primary Care Clinic', 'Community Health Clinic'], description: 'Check-ups, sick visits and chronic disease care, whatever a patient can pay.', eligibility: 'Everyone; uninsured patients welcome.', categories: ['primary-care'], populations: ['adults', 'minors', 'families'], ...office },
  { names: ['Sexual Health Clinic', 'Reproductive Health Services'], description: 'Confidential testing, treatment, contraception and pregnancy care.', eligibility: 'Everyone aged 13 and over.', categories: ['sexual-reproductive-health'], populations: ['adults', 'minors', 'women', 'men', 'transgender-nonbinary'], minimumAge: 13, ...office },
  { names: ['Forensic Nurse Examiner Program'], description: 'Medical care and, if the patient wants it, evidence collection after sexual assault.', eligibility: 'Anyone who has been sexually assaulted.', categories: ['forensic-exam'], populations: ['adults', 'minors'], hours: 'always', confidential: 0 },
  { names: ['Dental Clinic'], description: 'Dental exams, cleanings, fillings and extractions.', eligibility: 'Low-income patients.', categories: ['dental-care'], populations: ['adults', 'minors'], ...office },
  { names: ['Trauma Counseling', 'Trauma Therapy Program'], description: 'Individual and group therapy with clinicians trained in trauma.', eligibility: 'Survivors of trafficking, violence or abuse.', categories: ['trauma-counseling'], populations: ['adults', 'minors', 'transition-age-youth'], ...office },
  { names: ['Psychiatric Urgent Care'], description: 'Walk-in psychiatric evaluation and crisis stabilization.', eligibility: 'Anyone in a mental health crisis.', categories: ['psychiatric-care'], ...adults, hours: 'always', confidential: 0 },
  { names: ['Substance Use Recovery Program'], description: 'Outpatient treatment, medication for addiction and recovery coaching.', eligibility: 'Adults seeking help with substance use.', categories: ['substance-use-treatment'], ...adults, ...office },
  { names: ['Medical Interpreter Line', 'Community Interpreter Services'], description: 'Professional interpreters by phone, video or in person for appointments and legal meetings.', eligibility: 'Any provider or client needing an interpreter.', categories: ['interpretation'], populations: ['foreign-nationals'], hours: 'always', confidential: 0, manyLanguages: true },
  { names: ['Document Translation'], description: 'Certified translation of identity, legal and medical documents.', eligibility: 'Clients of partner agencies.', categories: ['translation'], populations: ['foreign-nationals'], ...office, manyLanguages: true },
  { names: ['24-Hour Crisis Line'], description: 'A phone and text line for anyone in crisis or danger, answered at any hour.', eligibility: 'Anyone.', categories: ['crisis-line'], populations: ['adults', 'minors'], hours: 'always', confidential: 0 },
  { names: ['Food Pantry', 'Clothing Closet'], description: 'Groceries, clothing and hygiene kits, no questions asked.', eligibility: 'Anyone in need.', categories: ['basic-needs'], populations: ['adults', 'families'], ...office },
  { names: ['Medical Transportation'], description: 'Rides to medical, legal and court appointments.', eligibility: 'Clients of partner agencies.', categories: ['transportation'], ...adults, ...office },
  { names: ['Job Readiness Program', 'English Classes'], description: 'Job training, placement help and English classes.', eligibility: 'Adults seeking work or study.', categories: ['employment-education'], populations: ['adults', 'foreign-nationals'], ...office },
  { names: ['ID Recovery Assistance'], description: 'Help replacing birth certificates, state IDs and passports that were lost or taken.', eligibility: 'Survivors without their documents.', categories: ['identity-documents'], ...adults, ...office },
];
