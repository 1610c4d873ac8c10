/**
 * The vocabulary of the authorisation matrix (access-matrix.ts): who asks, in which data state,
 * and the short forms an entry is written in. What each role may do is written down here from the
 * design's role table — deliberately not taken from lib/access.ts, whose table the matrix checks.
 */
import type { Permission } from '../../contracts/auth';
import type { World } from './access-world';

export const matrixRoles = [
  'anonymous',
  'partnerA',
  'partnerB',
  'counsellor',
  'otherCounsellor',
  'lead',
  'admin',
  'dpo',
  'outsider',
] as const;
/**
 * partnerA: a partner of institution A, which the valid consent names and the cases need;
 * partnerB: of institution B, invited to the same conference but named by no consent;
 * counsellor: owns every case of the world; otherCounsellor: a colleague who shares none;
 * outsider: a user of another organisation holding every staff role, so that only the
 * organisation stands between them and a record.
 */
export type MatrixRole = (typeof matrixRoles)[number];
export type SignedInRole = Exclude<MatrixRole, 'anonymous'>;
type StaffRole = 'counsellor' | 'otherCounsellor' | 'lead' | 'admin' | 'dpo';

/** The states of a nominated case that decide what a partner receives. */
export const dataStates = ['valid', 'withdrawn', 'expired', 'anonymised'] as const;
export type DataState = (typeof dataStates)[number];

/** What an answer says about access: refused in one of three ways, or let through (`ok`). */
export type Outcome = 'ok' | '401' | '403' | '404';

/** In which order a route is walked: reads first, then changes, removals, and the logout last. */
export type Phase = 'read' | 'write' | 'remove' | 'end';

export interface Entry {
  outcome: (role: MatrixRole, state: DataState) => Outcome;
  /** Walked in every data state; otherwise once, with the `valid` case's records. */
  stateDependent: boolean;
  phase?: Phase;
  /** Laid over the body made from the route's schema (a refinement the generator cannot see). */
  body?: (w: World) => Record<string, unknown>;
  query?: (w: World) => Record<string, unknown>;
  /** `multipart`: a file upload; `stream`: an event stream, read only up to its head. */
  send?: 'multipart' | 'stream';
  /** Asked as these roles only (default: all of them). */
  roles?: readonly MatrixRole[];
}

type Options = Pick<Entry, 'phase' | 'body' | 'query' | 'send'>;

/**
 * Who holds each permission among the organisation's staff, as the design gives the roles:
 * admin — users, settings, catalogues, the directory; lead — everything in the organisation;
 * counsellor — own and shared cases, the directory, conferences they bring cases to; dpo — the
 * audit log. Partners hold only the portal, which `portal()` describes.
 */
const holders: Record<Permission, readonly StaffRole[]> = {
  'users.manage': ['admin'],
  'organisation.manage': ['admin'],
  'outbox.read': ['admin'],
  'audit.read': ['admin', 'dpo'],
  'audit.persons': ['dpo'],
  'cases.work': ['lead', 'counsellor', 'otherCounsellor'],
  'cases.reassign': ['lead'],
  'catalogues.manage': ['admin', 'lead'],
  'network.work': ['admin', 'lead', 'counsellor', 'otherCounsellor'],
  'sectors.manage': ['admin', 'lead'],
  'network.merge': ['admin', 'lead'],
  'conferences.read': ['lead', 'counsellor', 'otherCounsellor'],
  'conferences.manage': ['lead'],
  'conferences.nominate': ['lead', 'counsellor', 'otherCounsellor'],
  'commitments.read': ['lead', 'counsellor', 'otherCounsellor'],
  'commitments.report': ['lead', 'counsellor', 'otherCounsellor'],
  'pathways.manage': ['lead'],
  'conferences.report': ['lead'],
  'reports.read': ['lead', 'counsellor', 'otherCounsellor'],
  'reports.drilldown': ['lead'],
  'portal.use': [],
  'partners.manage': ['lead'],
  'partners.activity': ['lead', 'dpo'],
  'privacy.manage': ['dpo'],
  'privacy.retention': ['admin', 'dpo'],
  'privacy.requests': ['lead', 'dpo'],
  'privacy.holds': ['lead', 'dpo'],
};

/**
 * Which record a staff route acts on: `none` (a list, or a new record), `organisation` (a record of
 * the first organisation: the outsider gets 404), `case` (a case or what hangs on it: also the
 * colleague who does not share it gets 404), `own` (a record of the owning counsellor alone).
 */
type Scope = 'none' | 'organisation' | 'case' | 'own';

const entry = (outcome: Entry['outcome'], options: Options = {}, stateDependent = false): Entry => ({
  outcome,
  stateDependent,
  ...options,
});

/** No session needed, and none changes the answer: the same outcome for every role. */
export const open = (options: Options & { answer?: Outcome } = {}) =>
  entry(() => options.answer ?? 'ok', options);

/** Any logged-in user, partners included: the account's own routes. */
export const anyUser = (options: Options = {}) =>
  entry((role) => (role === 'anonymous' ? '401' : 'ok'), options);

/** Any of the organisations' staff; partners meet a route that does not exist for them. */
export const anyStaff = (options: Options = {}) =>
  entry((role) => (role === 'anonymous' ? '401' : role.startsWith('partner') ? '404' : 'ok'), options);

/** Staff holding one of the permissions, on a record of the given scope. */
export function staff(
  permission: Permission | 'any' | Permission[],
  options: Options & { scope?: Scope } = {},
): Entry {
  const scope = options.scope ?? 'none';
  const granted = (role: StaffRole) =>
    permission === 'any' ||
    (Array.isArray(permission) ? permission : [permission]).some((p) => holders[p].includes(role));
  return entry((role) => {
    if (role === 'anonymous') return '401';
    if (role === 'partnerA' || role === 'partnerB') return '404';
    if (role === 'outsider') return scope === 'none' ? 'ok' : '404';
    if (!granted(role)) return '403';
    if (scope === 'own') return role === 'counsellor' ? 'ok' : '404';
    return scope === 'case' && role === 'otherCounsellor' ? '404' : 'ok';
  }, options);
}

/** The audit log's readers (admin, dpo). */
export const auditors = (options: Options = {}) => staff('audit.read', options);

/**
 * What an institution receives in each state: A the case its valid consent names and every
 * anonymised one; B (named by no consent) only the anonymised ones.
 */
const receives = (role: MatrixRole, state: DataState) =>
  state === 'anonymised' || (role === 'partnerA' && state === 'valid');

/**
 * The partner portal: staff 403, anonymous 401. `none`: the partner's own page; `conference`: a
 * conference both institutions are invited to; `case`: a nominated case, by what each receives now;
 * `commitment`: institution A's commitment on a case, while A receives that case.
 */
export function portal(options: Options & { scope: 'none' | 'conference' | 'case' | 'commitment' }) {
  const { scope } = options;
  return entry(
    (role, state) => {
      if (role === 'anonymous') return '401';
      if (role !== 'partnerA' && role !== 'partnerB') return '403';
      if (scope === 'case') return receives(role, state) ? 'ok' : '404';
      if (scope === 'commitment') return role === 'partnerA' && receives(role, state) ? 'ok' : '404';
      return 'ok';
    },
    options,
    scope === 'case' || scope === 'commitment',
  );
}

/** The entry with some roles answered otherwise (said why beside it in the matrix). */
export const but = (base: Entry, exceptions: Partial<Record<MatrixRole, Outcome>>): Entry => ({
  ...base,
  outcome: (role, state) => exceptions[role] ?? base.outcome(role, state),
});
