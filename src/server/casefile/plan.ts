import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { conferences, contacts, nextSteps, objectives, users } from '../db/schema';
import { notPartnerSql } from '../lib/access';
import { todayInGermany } from '../lib/calendar';
import { invalidField } from '../lib/errors';
import { assertInstitution } from '../network/service';
import { type EntryKind, pick } from './entries';

export const objectiveKind: EntryKind<{
  id: string;
  text: string;
  targetDate: string | null;
  status: 'open' | 'achieved' | 'dropped';
  version: number;
}> = {
  name: 'objective',
  table: objectives,
  async load(db, clientId, id) {
    const rows = await db
      .select()
      .from(objectives)
      .where(and(eq(objectives.clientId, clientId), id ? eq(objectives.id, id) : undefined))
      .orderBy(asc(objectives.createdAt));
    return rows.map((o) => ({
      id: o.id,
      text: o.text,
      targetDate: o.targetDate,
      status: o.status as 'open',
      version: o.version,
    }));
  },
  prepare: (body) => pick(body, ['text', 'targetDate', 'status']),
};

export const stepKind: EntryKind<Awaited<ReturnType<typeof loadSteps>>[number]> = {
  name: 'step',
  table: nextSteps,
  summarises: true,
  load: (db, clientId, id) => loadSteps(db, clientId, id),
  prepare(body, existing) {
    const values = pick(body, ['text', 'objectiveId', 'ownerUserId', 'ownerNote', 'dueDate']);
    if ('done' in body && body.done !== undefined) {
      const wasDone = Boolean(existing?.doneAt);
      if (body.done && !wasDone) values.doneAt = new Date();
      if (!body.done) values.doneAt = null;
    }
    return values;
  },
  async checkReferences(db, actor, clientId, values) {
    if (values.ownerUserId) {
      const [u] = await db
        .select({ id: users.id })
        .from(users)
        .where(
          and(
            eq(users.id, String(values.ownerUserId)),
            eq(users.organisationId, actor.organisationId),
            notPartnerSql(users.roles),
          ),
        );
      if (!u) throw invalidField('ownerUserId', 'not a colleague in this organisation');
    }
    if (values.objectiveId) {
      const [o] = await db
        .select({ id: objectives.id })
        .from(objectives)
        .where(and(eq(objectives.id, String(values.objectiveId)), eq(objectives.clientId, clientId)));
      if (!o) throw invalidField('objectiveId', 'not an objective of this case');
    }
  },
};

async function loadSteps(db: Db, clientId: string, id?: string) {
  const today = todayInGermany();
  const rows = await db
    .select({ s: nextSteps, ownerName: users.name })
    .from(nextSteps)
    .leftJoin(users, eq(users.id, nextSteps.ownerUserId))
    .where(and(eq(nextSteps.clientId, clientId), id ? eq(nextSteps.id, id) : undefined))
    .orderBy(asc(nextSteps.dueDate), asc(nextSteps.createdAt));
  return rows.map(({ s, ownerName }) => ({
    id: s.id,
    text: s.text,
    objectiveId: s.objectiveId,
    owner: s.ownerUserId ? { id: s.ownerUserId, name: ownerName ?? '?' } : null,
    ownerNote: s.ownerNote,
    dueDate: s.dueDate,
    doneAt: s.doneAt?.toISOString() ?? null,
    overdue: Boolean(s.dueDate && !s.doneAt && s.dueDate < today),
    version: s.version,
  }));
}

export const contactKind: EntryKind<Awaited<ReturnType<typeof loadContacts>>[number]> = {
  name: 'contact',
  table: contacts,
  load: (db, clientId, id) => loadContacts(db, clientId, id),
  prepare(body) {
    const values = pick(body, [
      'kind',
      'occurredOn',
      'sessionType',
      'channel',
      'durationMinutes',
      'interpreter',
      'institutionName',
      'institutionId',
      'topic',
      'result',
      'summary',
      'conferenceId',
    ]);
    if (values.occurredOn && String(values.occurredOn) > todayInGermany()) {
      throw invalidField('occurredOn', 'a contact cannot be in the future');
    }
    return values;
  },
  async checkReferences(db, actor, _clientId, values, existing) {
    const partner = await assertInstitution(db, actor, values.institutionId, 'institutionId');
    if (partner && !values.institutionName) values.institutionName = partner.name;
    const conferenceId = values.conferenceId !== undefined ? values.conferenceId : existing?.conferenceId;
    // Only talks with an institution about the case are agreed beforehand; a session is the client's own.
    if (conferenceId && (values.kind ?? existing?.kind) !== 'coordination')
      throw invalidField('conferenceId', 'only a coordination talk belongs to a conference');
    if (values.conferenceId) {
      const [c] = await db
        .select({ id: conferences.id })
        .from(conferences)
        .where(
          and(
            eq(conferences.id, String(values.conferenceId)),
            eq(conferences.organisationId, actor.organisationId),
          ),
        );
      if (!c) throw invalidField('conferenceId', 'not a conference of the organisation');
    }
  },
};

async function loadContacts(db: Db, clientId: string, id?: string) {
  const rows = await db
    .select({ c: contacts, by: users.name })
    .from(contacts)
    .leftJoin(users, eq(users.id, contacts.createdBy))
    .where(and(eq(contacts.clientId, clientId), id ? eq(contacts.id, id) : undefined))
    .orderBy(desc(contacts.occurredOn), desc(contacts.createdAt));
  return rows.map(({ c, by }) => ({
    id: c.id,
    kind: c.kind as 'session' | 'coordination',
    occurredOn: c.occurredOn,
    sessionType: c.sessionType as 'first' | 'follow_up' | null,
    channel: c.channel as 'in_person' | 'phone' | 'video' | 'email' | 'chat' | null,
    durationMinutes: c.durationMinutes,
    interpreter: c.interpreter,
    institutionName: c.institutionName,
    institutionId: c.institutionId,
    topic: c.topic,
    result: c.result,
    summary: c.summary,
    conferenceId: c.conferenceId,
    by: by ?? null,
    version: c.version,
  }));
}
