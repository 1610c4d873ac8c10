/**
 * A conference's agenda as one institution reads it, and how what it was shown is audited.
 */
import type { PortalAgendaItem } from '../../contracts/portal';
import {
  agendaOf,
  type ConferenceRow,
  nominationRows,
  receivedBriefs,
  writtenInputsOf,
} from '../conferences/service';
import type { Db } from '../db/client';
import type { AuditInput } from '../lib/audit';
import { type PartnerScope, receipts } from './scope';

/**
 * The agenda as the institution reads it: every item with its time; a case it receives now with
 * its place ("Case 2"), its brief at the level consent allows now and the institution's own written
 * input; any other case only as "a further case" — no label, no question, no id. With `only`, the
 * brief and input of that one case alone are built.
 */
export async function agendaFor(db: Db, scope: PartnerScope, c: ConferenceRow, only?: string) {
  const rows = await nominationRows(db, c.id);
  const received = await receipts(
    db,
    scope,
    rows.map((n) => n.id),
  );
  const wanted = rows.filter((n) => received.has(n.id) && (!only || n.id === only));
  const given = (await receivedBriefs(db, scope.organisationId, scope.institution, wanted)).flatMap((d) =>
    d.brief && d.receipt ? [{ n: d.n, brief: d.brief, level: d.receipt.level }] : [],
  );
  const inputs = given.length
    ? await writtenInputsOf(
        db,
        given.map((d) => d.n.id),
        scope.institution.id,
      )
    : [];
  const agenda = agendaOf(
    c,
    rows.map((n) => ({ id: n.id, minutes: n.minutes, position: n.position, recipients: [] })),
  );
  const place = new Map(rows.map((n, i) => [n.id, i + 1]));
  const items = agenda.items.map((item): PortalAgendaItem => {
    const d = item.nominationId ? given.find((x) => x.n.id === item.nominationId) : undefined;
    const kind = !item.nominationId ? 'commitments' : d ? 'case' : 'other_case';
    return {
      kind,
      startsAt: item.startsAt,
      minutes: item.minutes,
      nominationId: d ? d.n.id : null,
      label: d ? `Case ${place.get(d.n.id)}` : null,
      brief: d ? d.brief : null,
      needed: d ? d.n.institutionIds.includes(scope.institution.id) : false,
      inputs: d
        ? inputs
            .filter((x) => x.i.nominationId === d.n.id)
            .map((x) => ({ id: x.i.id, text: x.i.text, by: x.by, at: x.i.createdAt.toISOString() }))
        : [],
    };
  });
  return { items, given };
}

/** A case shown to a partner: its subject is audited unless it was shown anonymised (then it names no one). */
export const caseRead = (
  action: AuditInput['action'],
  c: ConferenceRow,
  shown: { clientId: string; level: string; nominationId?: string },
): AuditInput => ({
  action,
  entityType: 'conference',
  entityId: c.id,
  subjectClientId: shown.level === 'anonymised' ? null : shown.clientId,
  details: { level: shown.level, ...(shown.nominationId ? { nomination: shown.nominationId } : {}) },
});
export const shownBrief = (d: { n: { id: string; clientId: string }; level: string }) => ({
  clientId: d.n.clientId,
  level: d.level,
  nominationId: d.n.id,
});
