import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { CaseFile } from '../../contracts/casefile';
import type { TimelineEntry } from '../../contracts/clients';
import { loadCase, presentCase } from '../clients/service';
import type { AppContext } from '../context';
import type { Db } from '../db/client';
import { caseTransitions, contacts, users } from '../db/schema';
import type { Actor } from '../lib/actor';
import { audit } from '../lib/audit';
import { entryService } from './entries';
import { contactKind, objectiveKind, stepKind } from './plan';
import { experienceKind, languageKind, qualificationKind, residenceKind } from './profile';
import { procedureKind } from './recognition';

/** The entries of a case file, each created, changed and removed the same way. */
export const entries = {
  residence: entryService(residenceKind),
  qualifications: entryService(qualificationKind),
  experience: entryService(experienceKind),
  languages: entryService(languageKind),
  procedures: entryService(procedureKind),
  objectives: entryService(objectiveKind),
  steps: entryService(stepKind),
  contacts: entryService(contactKind),
};

/**
 * The entries a conference brief is made of, as the case file presents them. No access check:
 * the conference decides who receives what (and checked the nomination against the case's access).
 */
export const briefEntries = {
  qualifications: (db: Db, clientId: string) => qualificationKind.load(db, clientId),
  procedures: (db: Db, clientId: string) => procedureKind.load(db, clientId),
  languages: (db: Db, clientId: string) => languageKind.load(db, clientId),
};

/** Coordination talks with an institution linked to a conference ("agreed beforehand"), of the cases given. */
export async function conferenceTalks(db: Db, conferenceId: string, clientIds: readonly string[]) {
  if (clientIds.length === 0) return [];
  return db
    .select({
      id: contacts.id,
      clientId: contacts.clientId,
      institutionId: contacts.institutionId,
      institutionName: contacts.institutionName,
      occurredOn: contacts.occurredOn,
      topic: contacts.topic,
    })
    .from(contacts)
    .where(
      and(
        eq(contacts.conferenceId, conferenceId),
        eq(contacts.kind, 'coordination'),
        inArray(contacts.clientId, [...clientIds]),
        isNotNull(contacts.institutionId),
      ),
    )
    .orderBy(asc(contacts.occurredOn), asc(contacts.createdAt));
}

/**
 * A part of the case file that another domain keeps (consents, documents, measures and offers of
 * the network): it is loaded with the rest, after the one access check, and adds its events to
 * the timeline. The composition root (app.ts) passes the sections in, so this module depends on
 * none of them.
 */
export interface CaseSection<K extends SectionKey = SectionKey> {
  key: K;
  /** `actor` has been let in already; a section that presents through a viewer's eyes needs it. */
  load(db: Db, clientId: string, actor: Actor): Promise<{ data: CaseFile[K]; timeline: TimelineEntry[] }>;
}

/** The parts of the case file (contracts/casefile) that sections fill in. */
const sectionKeys = [
  'consent',
  'documents',
  'network',
  'conferences',
] as const satisfies readonly (keyof CaseFile)[];
type SectionKey = (typeof sectionKeys)[number];

/** A section left out in app.ts would answer an incomplete case file: better to fail loudly. */
function hasEverySection(parts: Partial<Record<SectionKey, unknown>>): parts is Pick<CaseFile, SectionKey> {
  return sectionKeys.every((k) => parts[k] !== undefined);
}

/**
 * The whole case file in one answer: one access check, one audit entry, one round trip, and the
 * web client's tabs stay in step with each other.
 */
export async function getCaseFile(
  ctx: AppContext,
  actor: Actor,
  id: string,
  sections: readonly CaseSection[] = [],
): Promise<CaseFile> {
  const { row, counsellorIds } = await loadCase(ctx.db, actor, id);
  const db = ctx.db;
  const extra = Promise.all(sections.map((s) => s.load(db, id, actor)));
  const [
    client,
    residence,
    qualifications,
    experience,
    languages,
    procedures,
    objectives,
    steps,
    contacts,
    transitions,
  ] = await Promise.all([
    presentCase(db, actor, row, counsellorIds),
    residenceKind.load(db, id),
    qualificationKind.load(db, id),
    experienceKind.load(db, id),
    languageKind.load(db, id),
    procedureKind.load(db, id),
    objectiveKind.load(db, id),
    stepKind.load(db, id),
    contactKind.load(db, id),
    db
      .select({ t: caseTransitions, by: users.name })
      .from(caseTransitions)
      .leftJoin(users, eq(users.id, caseTransitions.userId))
      .where(eq(caseTransitions.clientId, id))
      .orderBy(asc(caseTransitions.at)),
  ]);
  const extras = await extra;
  await audit(db, actor, { action: 'client.read', entityType: 'client', entityId: id, subjectClientId: id });
  const stageHistory = transitions.map(({ t, by }) => ({
    from: t.fromStage,
    to: t.toStage,
    reason: t.reason,
    outcome: t.outcome,
    at: t.at.toISOString(),
    by: by ?? null,
  }));
  const timeline: TimelineEntry[] = [
    ...stageHistory.map((t) => ({
      at: t.at,
      kind: 'stage',
      codes: [t.from ?? '', t.to, t.outcome ?? ''],
      title: '',
      detail: t.reason,
      by: t.by,
    })),
    ...contacts.map((c) => ({
      at: `${c.occurredOn}T12:00:00.000Z`,
      kind: c.kind === 'session' ? 'session' : 'coordination',
      codes: [c.sessionType ?? '', c.channel ?? ''],
      title: c.kind === 'session' ? '' : (c.institutionName ?? ''),
      detail: c.summary ?? c.topic ?? null,
      by: c.by,
    })),
    ...procedures.flatMap((p) =>
      (
        [
          ['procedure_submitted', p.submittedOn],
          ['procedure_complete', p.documentsCompleteOn],
          ['procedure_decided', p.decidedOn],
        ] as const
      )
        .filter(([, d]) => d)
        .map(([kind, d]) => ({
          at: `${d}T12:00:00.000Z`,
          kind,
          codes: [p.type, kind === 'procedure_decided' ? p.outcome : ''],
          title: p.referenceOccupation?.title ?? p.qualificationTitle ?? '',
          detail: null,
          by: null,
        })),
    ),
    // Only the steps that are done; flatMap keeps the narrowed doneAt (a filter would not).
    ...steps.flatMap((s) =>
      s.doneAt
        ? [
            {
              at: s.doneAt,
              kind: 'step_done',
              codes: [],
              title: s.text,
              detail: null,
              by: s.owner?.name ?? s.ownerNote,
            },
          ]
        : [],
    ),
    ...extras.flatMap((e) => e.timeline),
  ].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));

  const parts = Object.fromEntries(sections.map((s, i) => [s.key, extras[i]?.data]));
  if (!hasEverySection(parts)) throw new Error('a section of the case file is not wired in app.ts');
  return {
    ...parts,
    client,
    residence,
    qualifications,
    experience,
    languages,
    procedures,
    plan: { objectives, steps },
    contacts,
    stageHistory,
    timeline,
  };
}
