/**
 * The path parameters of the authorisation matrix's requests, filled from its world by the route's
 * prefix and the parameter's name: `/api/clients/:id` is the work case, `/api/conferences/:id` the
 * upcoming conference (the past one for its minutes, live mode and what follows the table),
 * `:nominationId` the nomination in the data state asked about… A removal gets a record made for
 * it, so that one role's deletion does not decide the next role's answer.
 */
import { and, eq } from 'drizzle-orm';
import type { Conference } from '../../contracts/conferences';
import { conferenceInvitations, conferenceNominations } from '../db/schema';
import type { DataState } from './access-expect';
import { createBy, newContact, PDF, savedReportBody, type World } from './access-world';
import { ok } from './factories';

/** Routes of a conference after its table: they act on the past conference. */
const afterTheTable = /^\/api\/(portal\/)?conferences\/:id\/(minutes|live|carried-over|pathways)/;

function idParam(w: World, url: string, state: DataState): string | undefined {
  const at = (prefix: string) => url.startsWith(prefix);
  if (afterTheTable.test(url)) return w.past.id;
  if (at('/api/conferences/') || at('/api/portal/conferences/')) return w.upcoming.id;
  if (at('/api/portal/commitments/')) return w.states[state].commitmentId;
  if (at('/api/clients/import/')) return w.importId;
  if (at('/api/clients/')) return w.workCase;
  if (at('/api/institutions/:id/partner-activity')) return w.institutions.a;
  const byPrefix: Record<string, string> = {
    '/api/users/': w.users.spare,
    '/api/saved-filters/': w.savedFilterId,
    '/api/reports/saved/': w.savedReportId,
    '/api/sectors/': w.sectorId,
    '/api/institutions/': w.institutions.c,
    '/api/opportunities/': w.opportunityId,
    '/api/measures/': w.measureId,
    '/api/conference-series/': w.seriesId,
    '/api/pathways/': w.pathwayId,
    '/api/commitments/': w.states.valid.commitmentId,
    '/api/partners/': w.partnerAccountId,
    '/api/privacy/requests/': w.privacyRequestId,
  };
  return Object.entries(byPrefix).find(([prefix]) => at(prefix))?.[1];
}

function entryParam(w: World, url: string): string | undefined {
  const kind = /^\/api\/clients\/:id\/([a-z]+)\/:entryId/.exec(url)?.[1];
  if (kind) return w.records[kind];
  if (url.includes('/invitations/')) return w.upcoming.invitationA;
  if (url.includes('/live/entries/')) return w.past.liveEntryId;
  if (url.includes('/live/commitments/')) return w.states.valid.commitmentId;
  return undefined;
}

/** The id `find` answers; when it finds none (a removal took the record), `make` makes it again. */
async function kept(find: () => Promise<{ id: string }[]>, make: () => Promise<unknown>) {
  const [found] = await find();
  if (found) return found.id;
  await make();
  return (await find())[0]?.id ?? '';
}

/** The work case's nomination at the upcoming conference. */
const workNomination = (w: World) =>
  kept(
    () =>
      w.t.ctx.db
        .select({ id: conferenceNominations.id })
        .from(conferenceNominations)
        .where(
          and(
            eq(conferenceNominations.conferenceId, w.upcoming.id),
            eq(conferenceNominations.clientId, w.workCase),
          ),
        ),
    async () =>
      ok<Conference>(
        await w.sessions.counsellor.post(`/api/conferences/${w.upcoming.id}/nominations`, {
          clientId: w.workCase,
          question: 'Welche Förderung passt?',
          institutionIds: [w.institutions.a],
        }),
      ),
  );

/** Institution C's invitation to the upcoming conference (A's and B's are never taken). */
const invitationOfC = (w: World) =>
  kept(
    () =>
      w.t.ctx.db
        .select({ id: conferenceInvitations.id })
        .from(conferenceInvitations)
        .where(
          and(
            eq(conferenceInvitations.conferenceId, w.upcoming.id),
            eq(conferenceInvitations.institutionId, w.institutions.c),
          ),
        ),
    async () =>
      ok(
        await w.sessions.lead.post(`/api/conferences/${w.upcoming.id}/invitations`, {
          institutionId: w.institutions.c,
        }),
      ),
  );

/** A new record for a removal to take: the route without its last parameter, created. */
async function recordToRemove(w: World, url: string): Promise<string> {
  if (url.includes('/invitations/')) return invitationOfC(w);
  if (url.includes('/nominations/')) return workNomination(w);
  if (url.includes('/live/')) return w.past.liveEntryId;
  if (url.endsWith('/documents/:entryId')) {
    const path = `/api/clients/${w.workCase}/documents`;
    return ok(await w.sessions.counsellor.form(path, { category: 'other' }, { name: 'b.pdf', data: PDF })).id;
  }
  if (url.includes('/contacts/:contactId')) return newContact(w);
  // Lifting a hold removes no record: it acts on the work case.
  if (url.endsWith('/legal-hold')) return w.workCase;
  if (url === '/api/reports/saved/:id')
    return (await createBy(w, w.sessions.counsellor, 'POST /api/reports/saved', {}, savedReportBody)).id;
  const parent = url.replace(/\/:\w+$/, '');
  return (
    await createBy(w, w.sessions.counsellor, `POST ${parent}`, { id: idParam(w, parent, 'valid') ?? '' })
  ).id;
}

/** The URL's parameters; `removal`: the last one is a record made for this request. */
export async function paramsFor(
  w: World,
  url: string,
  state: DataState,
  removal: boolean,
): Promise<Record<string, string>> {
  const names = [...url.matchAll(/:(\w+)/g)].map((m) => m[1] ?? '');
  const params: Record<string, string> = {};
  for (const name of names) {
    const last = name === names[names.length - 1];
    const value =
      removal && last
        ? await recordToRemove(w, url)
        : name === 'id'
          ? idParam(w, url, state)
          : name === 'entryId' && url.includes('/nominations/')
            ? await workNomination(w)
            : name === 'entryId'
              ? entryParam(w, url)
              : {
                  nominationId: w.states[state].nominationId,
                  pathwayId: w.pathwayId,
                  institutionId: w.institutions.a,
                  contactId: w.contactId,
                  conferenceId: w.upcoming.id,
                  token: w.upcoming.rsvpToken,
                  item: 'commitments',
                  document: 'processing-record',
                }[name];
    if (!value) throw new Error(`the world has no value for :${name} of ${url}`);
    params[name] = value;
  }
  return params;
}

/** The route's URL with its parameters (and a wildcard) filled in. */
export const fill = (url: string, params: Record<string, string>) =>
  url.replace(/:(\w+)/g, (_m, name: string) => params[name] ?? '').replace(/\*$/, 'index.html');
