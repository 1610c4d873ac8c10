import { and, asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client';
import { occupations, qualifications, recognitionProcedures } from '../db/schema';
import { todayInGermany } from '../lib/calendar';
import { invalidField } from '../lib/errors';
import { assertInstitution } from '../network/service';
import { assertOccupation } from '../occupations/service';
import { decisionDueOn } from './deadlines';
import { type EntryKind, gives, pick } from './entries';
import { presentProcedure } from './present';

const fields = [
  'type',
  'qualificationId',
  'referenceOccupationId',
  'authorityName',
  'authorityInstitutionId',
  'accelerated',
  'submittedOn',
  'receiptConfirmedOn',
  'documentsCompleteOn',
  'extensionMonths',
  'extensionReason',
  'suspensions',
  'decidedOn',
  'outcome',
  'substantialDifferences',
  'compensationMeasure',
  'checklist',
  'notes',
];

const qualification = alias(qualifications, 'procedure_qualification');

export const procedureKind: EntryKind<ReturnType<typeof presentProcedure>> = {
  name: 'procedure',
  table: recognitionProcedures,
  async load(db: Db, clientId: string, id?: string) {
    const rows = await db
      .select({ p: recognitionProcedures, o: occupations, title: qualification.titleOriginal })
      .from(recognitionProcedures)
      .leftJoin(occupations, eq(occupations.id, recognitionProcedures.referenceOccupationId))
      .leftJoin(qualification, eq(qualification.id, recognitionProcedures.qualificationId))
      .where(
        and(eq(recognitionProcedures.clientId, clientId), id ? eq(recognitionProcedures.id, id) : undefined),
      )
      .orderBy(asc(recognitionProcedures.createdAt));
    const today = todayInGermany();
    return rows.map((r) => presentProcedure(r.p, r.o, r.title, today));
  },
  prepare(body, existing) {
    const values = pick(body, fields);
    // The due date follows from the dates; it is stored so that lists and the dashboard can filter on it.
    const merged = { ...(existing ?? {}), ...values } as {
      documentsCompleteOn: string | null;
      accelerated: boolean;
      extensionMonths: number;
      suspensions: { from: string; to: string }[];
      decidedOn?: string | null;
      submittedOn?: string | null;
    };
    for (const s of merged.suspensions ?? []) {
      if (s.to < s.from) throw invalidField('suspensions', 'a pause cannot end before it starts');
    }
    if (merged.decidedOn && merged.submittedOn && merged.decidedOn < merged.submittedOn) {
      throw invalidField('decidedOn', 'cannot be before the application was submitted');
    }
    values.decisionDueOn = decisionDueOn({
      documentsCompleteOn: merged.documentsCompleteOn ?? null,
      accelerated: Boolean(merged.accelerated),
      extensionMonths: merged.extensionMonths ?? 0,
      suspensions: merged.suspensions ?? [],
    });
    return values;
  },
  async checkReferences(db, actor, clientId, values, existing) {
    await assertOccupation(db, values.referenceOccupationId);
    const authority = await assertInstitution(
      db,
      actor,
      values.authorityInstitutionId,
      'authorityInstitutionId',
    );
    // The name stays with the procedure, so the record reads the same if the directory entry changes.
    if (authority && !values.authorityName) values.authorityName = authority.name;
    if (values.qualificationId) {
      const [q] = await db
        .select({ id: qualifications.id, referenceOccupationId: qualifications.referenceOccupationId })
        .from(qualifications)
        .where(
          and(eq(qualifications.id, String(values.qualificationId)), eq(qualifications.clientId, clientId)),
        );
      if (!q) throw invalidField('qualificationId', 'not a qualification of this client');
      // A procedure is about its qualification's reference occupation unless it names another.
      if (!gives(values, 'referenceOccupationId', existing) && !existing?.referenceOccupationId)
        values.referenceOccupationId = q.referenceOccupationId;
    }
  },
};
