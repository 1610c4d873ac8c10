// What follows the bench's 200 conferences (seed-conferences.ts): they become one series, the
// first half is held (moved into the past two weeks apart, so that the series has a history and the
// second half an upcoming first agenda item), and 10,000 commitments are spread over them — 50 per
// conference, on its nominated cases and invited institutions, in every state — with three live
// entries per nominated case, and a pathway followed by 500 cases.
import { eq, inArray, sql } from 'drizzle-orm';
import {
  commitments,
  conferenceEntries,
  conferenceInvitations,
  conferenceNominations,
  conferenceSeries,
  conferences,
  nextSteps,
  objectives,
  pathways,
} from '../src/server/db/schema';
import { random } from '../src/server/demo/people';
import { firstRow, required } from '../src/server/lib/required';
import { withBenchOrganisation } from './seed';

export const FOLLOWUP_SIZE = { commitmentsPerConference: 50, pathwayFollowers: 500 };

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export async function seedFollowup(target: { dataDir?: string; databaseUrl?: string }) {
  return withBenchOrganisation(target, async ({ db, lead, stamp, sectorIds }) => {
    const rng = random(2222);
    const sectorId = required(sectorIds[0], 'a sector');
    const all = await db
      .select({ id: conferences.id })
      .from(conferences)
      .where(
        sql`${conferences.organisationId} = ${stamp.organisationId} AND ${conferences.title} LIKE 'Bench-Konferenz%'`,
      )
      .orderBy(conferences.title);
    const series = firstRow(
      await db
        .insert(conferenceSeries)
        .values({ ...stamp, title: 'Bench-Reihe', sectorId })
        .returning({ id: conferenceSeries.id }),
      'the bench series',
    );
    const now = Date.now();
    const half = Math.floor(all.length / 2);
    for (const [k, c] of all.entries()) {
      const held = k < half;
      await db
        .update(conferences)
        .set({
          seriesId: series.id,
          ...(held
            ? {
                status: 'minutes_published',
                startsAt: new Date(now - (half - k) * 14 * 86_400_000),
                minutesPublishedAt: new Date(now - (half - k) * 14 * 86_400_000 + 3 * 86_400_000),
              }
            : {}),
        })
        .where(eq(conferences.id, c.id));
    }
    const ids = all.map((c) => c.id);
    const nominations = await db
      .select({
        id: conferenceNominations.id,
        conferenceId: conferenceNominations.conferenceId,
        clientId: conferenceNominations.clientId,
      })
      .from(conferenceNominations)
      .where(inArray(conferenceNominations.conferenceId, ids));
    const invitations = await db
      .select({
        conferenceId: conferenceInvitations.conferenceId,
        institutionId: conferenceInvitations.institutionId,
      })
      .from(conferenceInvitations)
      .where(inArray(conferenceInvitations.conferenceId, ids));
    const starts = new Map(
      (
        await db
          .select({ id: conferences.id, startsAt: conferences.startsAt })
          .from(conferences)
          .where(inArray(conferences.id, ids))
      ).map((c) => [c.id, c.startsAt.getTime()]),
    );
    for (const conferenceId of ids) {
      const cases = nominations.filter((n) => n.conferenceId === conferenceId);
      const invited = invitations.filter((i) => i.conferenceId === conferenceId);
      const startsAt = required(starts.get(conferenceId), 'a start');
      const made = Array.from({ length: FOLLOWUP_SIZE.commitmentsPerConference }, () => {
        const n = rng.pick(cases);
        const due = startsAt + rng.int(14, 120) * 86_400_000;
        const past = due < now;
        const outcome = rng.next();
        const status = outcome < 0.45 ? 'open' : outcome < 0.85 ? 'done' : 'dropped';
        const reported = status === 'open' ? null : day(Math.min(now, due + rng.int(-20, 25) * 86_400_000));
        return {
          ...stamp,
          conferenceId,
          nominationId: n.id,
          clientId: n.clientId,
          institutionId: rng.pick(invited).institutionId,
          responsibleName: rng.pick(['Frau Roth', 'Herr Yilmaz', 'Frau Becker', null]),
          action: rng.pick([
            'Bildungsgutschein prüfen',
            'Platz im Anpassungslehrgang reservieren',
            'Anrechnung der Berufserfahrung bestätigen',
            'Praktikumsplatz anbieten',
            'Sprachkurs fördern',
          ]),
          dueDate: day(due),
          status: past || status === 'open' ? status : 'open',
          reportedOn: past || status === 'open' ? reported : null,
          statusNote: status === 'dropped' && past ? 'Nicht mehr nötig.' : null,
        };
      });
      await db.insert(commitments).values(made);
      await db.insert(conferenceEntries).values(
        cases.flatMap((n) =>
          (['note', 'decision', 'dissent'] as const).map((kind) => ({
            ...stamp,
            conferenceId,
            nominationId: n.id,
            kind,
            text: `${kind}: generiert für den Benchmark`,
          })),
        ),
      );
    }
    const [nurse] = (
      await db.execute<{ id: string }>(sql`SELECT id FROM occupations WHERE code = '81302' LIMIT 1`)
    ).rows;
    const pathway = firstRow(
      await db
        .insert(pathways)
        .values({
          ...stamp,
          sectorId,
          title: 'Bench-Pfad Pflege',
          occupationGroup: 'Pflegefachkräfte mit Defizitbescheid',
          occupationIds: nurse ? [nurse.id] : [],
          steps: Array.from({ length: 5 }, (_, i) => ({
            text: `Schritt ${i + 1}`,
            responsible: null,
            funder: null,
            measureIds: [],
            weeks: (i + 1) * 4,
          })),
          conferenceId: ids[0] ?? null,
          adoptedAt: new Date(now - 200 * 86_400_000),
        })
        .returning({ id: pathways.id }),
      'the bench pathway',
    );
    const followers = nominations.slice(0, FOLLOWUP_SIZE.pathwayFollowers);
    const goals = await db
      .insert(objectives)
      .values(
        followers.map((n) => ({
          ...stamp,
          clientId: n.clientId,
          text: 'Bench-Pfad Pflege',
          pathwayId: pathway.id,
        })),
      )
      .returning({ id: objectives.id, clientId: objectives.clientId });
    await db.insert(nextSteps).values(
      goals.flatMap((g) => {
        const done = rng.int(0, 5);
        return Array.from({ length: 5 }, (_, i) => ({
          ...stamp,
          clientId: g.clientId,
          objectiveId: g.id,
          text: `Schritt ${i + 1}`,
          pathwayId: pathway.id,
          doneAt: i < done ? new Date(now - 30 * 86_400_000) : null,
        }));
      }),
    );
    return { seriesId: series.id, pathwayId: pathway.id, leadId: lead.id };
  });
}
