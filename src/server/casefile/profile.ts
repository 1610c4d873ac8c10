import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { languageSkills, occupations, qualifications, residenceStatuses, workExperience } from '../db/schema';
import { assertOccupation, presentOccupation } from '../occupations/service';
import { type EntryKind, gives, pick } from './entries';

const byId = (table: { id: unknown }, id?: string) => (id ? eq(table.id as never, id) : undefined);

export const residenceKind: EntryKind<ReturnType<typeof presentResidence>> = {
  name: 'residence',
  table: residenceStatuses,
  async load(db, clientId, id) {
    const rows = await db
      .select()
      .from(residenceStatuses)
      .where(and(eq(residenceStatuses.clientId, clientId), byId(residenceStatuses, id)))
      .orderBy(desc(residenceStatuses.validFrom), desc(residenceStatuses.createdAt));
    return rows.map(presentResidence);
  },
  prepare: (body) =>
    pick(body, [
      'legalBasis',
      'validFrom',
      'validUntil',
      'employmentPermission',
      'weeklyHoursLimit',
      'residenceObligation',
      'notes',
    ]),
};

function presentResidence(r: typeof residenceStatuses.$inferSelect) {
  return {
    id: r.id,
    legalBasis: r.legalBasis,
    validFrom: r.validFrom,
    validUntil: r.validUntil,
    employmentPermission: r.employmentPermission as
      | 'allowed'
      | 'restricted'
      | 'with_permission'
      | 'not_allowed'
      | null,
    weeklyHoursLimit: r.weeklyHoursLimit,
    residenceObligation: r.residenceObligation,
    notes: r.notes,
    createdAt: r.createdAt.toISOString(),
    version: r.version,
  };
}

export const qualificationKind: EntryKind<Awaited<ReturnType<typeof loadQualifications>>[number]> = {
  name: 'qualification',
  table: qualifications,
  load: (db, clientId, id) => loadQualifications(db, clientId, id),
  prepare: (body) =>
    pick(body, [
      'titleOriginal',
      'titleTranslation',
      'country',
      'institution',
      'anabinStatus',
      'year',
      'iscedLevel',
      'field',
      'kind',
      'referenceOccupationId',
      'regulated',
      'law',
    ]),
  async checkReferences(db, _actor, _clientId, values, existing) {
    const occupation = await assertOccupation(db, values.referenceOccupationId);
    // The reference occupation says whether the profession is regulated, unless the entry does.
    if (occupation && occupation.regulated !== null && !gives(values, 'regulated', existing))
      values.regulated = occupation.regulated;
  },
};

async function loadQualifications(db: Db, clientId: string, id?: string) {
  const rows = await db
    .select({ q: qualifications, o: occupations })
    .from(qualifications)
    .leftJoin(occupations, eq(occupations.id, qualifications.referenceOccupationId))
    .where(and(eq(qualifications.clientId, clientId), byId(qualifications, id)))
    .orderBy(desc(qualifications.year), asc(qualifications.createdAt));
  return rows.map(({ q, o }) => ({
    id: q.id,
    titleOriginal: q.titleOriginal,
    titleTranslation: q.titleTranslation,
    country: q.country,
    institution: q.institution,
    anabinStatus: q.anabinStatus as 'h_plus' | 'h_plus_minus' | 'h_minus' | 'unknown' | null,
    year: q.year,
    iscedLevel: q.iscedLevel,
    field: q.field,
    kind: q.kind as 'vocational' | 'academic',
    referenceOccupation: presentOccupation(o),
    regulated: q.regulated,
    law: q.law as 'federal' | 'state' | null,
    version: q.version,
  }));
}

export const experienceKind: EntryKind<ReturnType<typeof presentExperience>> = {
  name: 'experience',
  table: workExperience,
  async load(db, clientId, id) {
    const rows = await db
      .select()
      .from(workExperience)
      .where(and(eq(workExperience.clientId, clientId), byId(workExperience, id)))
      .orderBy(desc(workExperience.fromDate));
    return rows.map(presentExperience);
  },
  prepare: (body) => pick(body, ['role', 'employer', 'country', 'fromDate', 'toDate', 'description']),
};

function presentExperience(r: typeof workExperience.$inferSelect) {
  return {
    id: r.id,
    role: r.role,
    employer: r.employer,
    country: r.country,
    fromDate: r.fromDate,
    toDate: r.toDate,
    description: r.description,
    version: r.version,
  };
}

type Level = 'A1' | 'A2' | 'B1' | 'B2' | 'C1' | 'C2';
export const languageKind: EntryKind<ReturnType<typeof presentLanguage>> = {
  name: 'language',
  table: languageSkills,
  summarises: true,
  async load(db, clientId, id) {
    const rows = await db
      .select()
      .from(languageSkills)
      .where(and(eq(languageSkills.clientId, clientId), byId(languageSkills, id)))
      .orderBy(asc(languageSkills.language));
    return rows.map(presentLanguage);
  },
  prepare: (body) =>
    pick(body, [
      'language',
      'level',
      'listening',
      'reading',
      'writing',
      'speaking',
      'evidence',
      'assessedOn',
    ]),
};

function presentLanguage(r: typeof languageSkills.$inferSelect) {
  return {
    id: r.id,
    language: r.language,
    level: r.level as Level | 'native',
    listening: r.listening as Level | null,
    reading: r.reading as Level | null,
    writing: r.writing as Level | null,
    speaking: r.speaking as Level | null,
    evidence: r.evidence as never,
    assessedOn: r.assessedOn,
    version: r.version,
  };
}

export async function qualificationTitles(db: Db, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db
    .select({
      id: qualifications.id,
      title: qualifications.titleOriginal,
      translation: qualifications.titleTranslation,
    })
    .from(qualifications)
    .where(inArray(qualifications.id, ids));
  return new Map(rows.map((r) => [r.id, r.translation ? `${r.title} (${r.translation})` : r.title]));
}
