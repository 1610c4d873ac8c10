/**
 * Conference series: one per sector, hosted by the organisation, three a year by default. The
 * next conference is made from the series: its defaults, and its invitees as invitations.
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { SeriesBody } from '../../contracts/conferences';
import type { AppContext } from '../context';
import type { Db } from '../db/client';
import {
  conferenceSeries,
  conferences,
  institutionContacts,
  institutions,
  sectors,
  users,
} from '../db/schema';
import { assertCan, assertInOrganisation, notPartnerSql } from '../lib/access';
import type { Actor } from '../lib/actor';
import { audit } from '../lib/audit';
import { addDays, todayInGermany } from '../lib/calendar';
import { invalidField } from '../lib/errors';
import { loadForChange, writeChange } from '../lib/versioned';
import { assertSectors } from '../network/service';
import { insertInvitations } from './invitations';
import { createConference } from './service';

type SeriesRow = typeof conferenceSeries.$inferSelect;

async function checkRefs(db: Db, actor: Actor, v: Partial<SeriesRow>) {
  if (v.sectorId) await assertSectors(db, actor, [v.sectorId], 'sectorId');
  for (const field of ['moderatorId', 'minuteTakerId'] as const) {
    const id = v[field];
    if (!id) continue;
    const [u] = await db
      .select({ id: users.id })
      .from(users)
      .where(
        and(eq(users.id, id), eq(users.organisationId, actor.organisationId), notPartnerSql(users.roles)),
      );
    if (!u) throw invalidField(field, 'not a user of the organisation');
  }
  if (v.institutionIds?.length) {
    const found = await db
      .select({ id: institutions.id })
      .from(institutions)
      .where(
        and(
          eq(institutions.organisationId, actor.organisationId),
          inArray(institutions.id, v.institutionIds),
        ),
      );
    if (found.length !== new Set(v.institutionIds).size)
      throw invalidField('institutionIds', 'not in the directory');
  }
  if (v.contactIds?.length) {
    const found = await db
      .select({ id: institutionContacts.id, institutionId: institutionContacts.institutionId })
      .from(institutionContacts)
      .where(
        and(
          eq(institutionContacts.organisationId, actor.organisationId),
          inArray(institutionContacts.id, v.contactIds),
        ),
      );
    const invited = new Set(v.institutionIds ?? []);
    if (found.length !== new Set(v.contactIds).size || found.some((f) => !invited.has(f.institutionId)))
      throw invalidField('contactIds', 'a contact person of an institution the series invites');
  }
}

/** The day suggested for the next conference: 12 / perYear months after the last, or in four weeks. */
function suggestedNext(perYear: number, last: Date | null) {
  const today = todayInGermany();
  if (!last) return addDays(today, 28);
  const next = addDays(last.toISOString().slice(0, 10), Math.round(365 / perYear));
  return next > today ? next : addDays(today, 28);
}

export async function listSeries(ctx: AppContext, actor: Actor) {
  assertCan(actor, 'conferences.read');
  const rows = await ctx.db
    .select()
    .from(conferenceSeries)
    .where(eq(conferenceSeries.organisationId, actor.organisationId))
    .orderBy(asc(conferenceSeries.title));
  return presentSeries(ctx.db, actor, rows);
}

async function presentSeries(db: Db, actor: Actor, rows: SeriesRow[]) {
  const [sectorRows, userRows, institutionRows, lastRows] = await Promise.all([
    db
      .select({ id: sectors.id, name: sectors.name })
      .from(sectors)
      .where(eq(sectors.organisationId, actor.organisationId)),
    db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(and(eq(users.organisationId, actor.organisationId), notPartnerSql(users.roles))),
    db
      .select({ id: institutions.id, name: institutions.name })
      .from(institutions)
      .where(
        and(
          eq(institutions.organisationId, actor.organisationId),
          inArray(institutions.id, [
            ...new Set(rows.flatMap((r) => r.institutionIds)),
            '00000000-0000-0000-0000-000000000000',
          ]),
        ),
      ),
    rows.length === 0
      ? []
      : db
          .selectDistinctOn([conferences.seriesId], {
            seriesId: conferences.seriesId,
            id: conferences.id,
            startsAt: conferences.startsAt,
            status: conferences.status,
          })
          .from(conferences)
          .where(
            inArray(
              conferences.seriesId,
              rows.map((r) => r.id),
            ),
          )
          .orderBy(conferences.seriesId, desc(conferences.startsAt)),
  ]);
  const name = (list: { id: string; name: string }[]) => new Map(list.map((x) => [x.id, x.name]));
  const sectorName = name(sectorRows);
  const userName = name(userRows);
  const institutionName = name(institutionRows);
  const last = new Map(lastRows.map((l) => [l.seriesId, l]));
  const ref = (id: string | null) => (id ? { id, name: userName.get(id) ?? '—' } : null);
  return rows.map((r) => {
    const l = last.get(r.id);
    return {
      id: r.id,
      title: r.title,
      sector: { id: r.sectorId, name: sectorName.get(r.sectorId) ?? '—' },
      perYear: r.perYear,
      durationMinutes: r.durationMinutes,
      minutesPerCase: r.minutesPerCase,
      openCommitmentsMinutes: r.openCommitmentsMinutes,
      startTime: r.startTime,
      timeZone: r.timeZone,
      place: r.place,
      videoUrl: r.videoUrl,
      moderator: ref(r.moderatorId),
      minuteTaker: ref(r.minuteTakerId),
      institutions: r.institutionIds.map((id) => ({ id, name: institutionName.get(id) ?? '—' })),
      contactIds: r.contactIds,
      lastConference: l
        ? { id: l.id, startsAt: l.startsAt.toISOString(), status: l.status as 'planned' }
        : null,
      suggestedNextDate: suggestedNext(r.perYear, l?.startsAt ?? null),
      version: r.version,
    };
  });
}

async function getSeries(ctx: AppContext, actor: Actor, id: string) {
  assertCan(actor, 'conferences.read');
  const [row] = await ctx.db.select().from(conferenceSeries).where(eq(conferenceSeries.id, id));
  assertInOrganisation(actor, row, 'conference series');
  const [presented] = await presentSeries(ctx.db, actor, [row]);
  if (!presented) throw new Error('series not presented');
  return presented;
}

export async function saveSeries(
  ctx: AppContext,
  actor: Actor,
  id: string | null,
  body: Partial<SeriesBody> & { version?: number },
) {
  assertCan(actor, 'conferences.manage');
  const { version, ...values } = body as Partial<SeriesRow> & { version?: number };
  const savedId = await ctx.db.transaction(async (tx) => {
    if (id) {
      const current = await loadForChange(
        tx,
        actor,
        conferenceSeries,
        id,
        version ?? -1,
        'conference series',
      );
      await checkRefs(tx, actor, {
        ...values,
        institutionIds: values.institutionIds ?? current.institutionIds,
      });
      await writeChange(tx, actor, conferenceSeries, id, version ?? -1, values);
    } else {
      await checkRefs(tx, actor, values);
      const [row] = await tx
        .insert(conferenceSeries)
        .values({
          ...(values as typeof conferenceSeries.$inferInsert),
          organisationId: actor.organisationId,
          createdBy: actor.userId,
          updatedBy: actor.userId,
        })
        .returning({ id: conferenceSeries.id });
      if (!row) throw new Error('no series row');
      id = row.id;
    }
    await audit(tx, actor, {
      action: 'conference.changed',
      entityType: 'conference_series',
      entityId: id,
      details: { fields: Object.keys(values) },
    });
    return id;
  });
  return getSeries(ctx, actor, savedId);
}

/** The next conference of a series, with the series' invitees invited (not yet mailed). */
export async function nextConference(
  ctx: AppContext,
  actor: Actor,
  seriesId: string,
  body: { date?: string | undefined; startTime?: string | undefined },
) {
  assertCan(actor, 'conferences.manage');
  const s = await getSeries(ctx, actor, seriesId);
  const [row] = await ctx.db.select().from(conferenceSeries).where(eq(conferenceSeries.id, seriesId));
  if (!row) throw new Error('series vanished');
  const date = body.date ?? s.suggestedNextDate;
  const created = await createConference(ctx, actor, {
    title: `${s.title} ${new Intl.DateTimeFormat('de-DE', { month: 'long', year: 'numeric', timeZone: s.timeZone }).format(new Date(`${date}T12:00:00Z`))}`,
    sectorId: s.sector.id,
    seriesId,
    date,
    startTime: body.startTime ?? s.startTime,
    timeZone: s.timeZone,
    durationMinutes: s.durationMinutes,
    minutesPerCase: s.minutesPerCase,
    openCommitmentsMinutes: s.openCommitmentsMinutes,
    place: s.place,
    videoUrl: s.videoUrl,
    moderatorId: s.moderator?.id ?? null,
    minuteTakerId: s.minuteTaker?.id ?? null,
  });
  await ctx.db.transaction(async (tx) => {
    const contacts = row.contactIds.length
      ? await tx
          .select({ id: institutionContacts.id, institutionId: institutionContacts.institutionId })
          .from(institutionContacts)
          .where(inArray(institutionContacts.id, row.contactIds))
      : [];
    for (const institutionId of row.institutionIds) {
      const of = contacts.filter((c) => c.institutionId === institutionId).map((c) => c.id);
      await insertInvitations(tx, actor, { id: created.id }, institutionId, of);
    }
  });
  return created.id;
}
