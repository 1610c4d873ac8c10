/**
 * Reminders of commitments to the responsible person (the commitment's contact person, else the
 * institution's address) and to the institution's partner users in that organisation (the partner
 * portal's active accounts): one a few days before the due date, and one once it is overdue (from
 * the day after the due date). One mail per address, never two to the same one. Days count in
 * Germany's calendar. A recurring job runs `sendCommitmentReminders`; it takes `now`, so that a
 * test can stand on any day.
 *
 * The mail is German, like the other mail to the partner institutions of a Saarland centre, and
 * carries nothing of the client: the case is "Fall n der Konferenz … am …", its place on that
 * conference's agenda, which the institution knows from the agenda mail. Whoever can open the
 * portal gets a link straight to the commitment there (an address without an account would only
 * meet a login it cannot pass).
 */
import { sql } from 'drizzle-orm';
import type { AppContext } from '../context';
import type { Db } from '../db/client';
import { addDays, todayInGermany } from '../lib/calendar';
import { enqueueMail } from '../lib/mail';
import { agendaPlaceSql } from './present';

/** Days before the due date that the first reminder goes out. */
export const REMIND_DAYS_BEFORE = 3;
/**
 * An overdue reminder goes out within this many days of the due date and not later: after a
 * long pause of the job (or an import of old commitments) nobody gets mail about last year.
 */
const OVERDUE_WITHIN_DAYS = 14;
/** Commitments claimed and mailed per transaction (PGlite runs one transaction at a time). */
const BATCH = 100;

type Kind = 'before' | 'overdue';

/**
 * The active partner users of the commitment's institution in its organisation (an active
 * membership of an active account), over `cm`: the institution's people in the portal.
 */
const partnerUsersSql = sql`SELECT u.email, u.name FROM partner_memberships pm
  JOIN users u ON u.id = pm.user_id AND u.status = 'active'
  WHERE pm.organisation_id = cm.organisation_id AND pm.institution_id = cm.institution_id
    AND pm.status = 'active'`;

/**
 * Which open commitments are due a reminder of this kind today. A "before" reminder only for a
 * commitment made before its reminder day: one made at a conference two days before it is due
 * needs no reminder the same evening. Only where there is an address to write to.
 */
function dueSql(kind: Kind, today: string) {
  const when =
    kind === 'before'
      ? sql`cm.reminded_before_at IS NULL AND cm.due_date >= ${today}::date
          AND cm.due_date <= ${addDays(today, REMIND_DAYS_BEFORE)}::date
          AND (cm.created_at AT TIME ZONE 'Europe/Berlin')::date < cm.due_date - ${REMIND_DAYS_BEFORE}::int`
      : sql`cm.reminded_overdue_at IS NULL AND cm.due_date < ${today}::date
          AND cm.due_date >= ${addDays(today, -OVERDUE_WITHIN_DAYS)}::date`;
  return sql`cm.status = 'open' AND ${when} AND (coalesce(
    (SELECT email FROM institution_contacts ic WHERE ic.id = cm.contact_id),
    (SELECT email FROM institutions i WHERE i.id = cm.institution_id)) IS NOT NULL
    OR EXISTS (${partnerUsersSql}))`;
}

interface Due extends Record<string, unknown> {
  id: string;
  organisation_id: string;
  organisation: string;
  title: string;
  starts_at: Date | string;
  time_zone: string;
  institution: string;
  contact: string | null;
  responsible_name: string | null;
  /** The contact person's address, else the institution's; null when neither has one. */
  email: string | null;
  action: string;
  due_date: Date | string;
  agenda_place: number | string | null;
}

/**
 * Sends the reminders due at `now`; answers how many were mailed. Each commitment is claimed by
 * setting its column in the statement that finds it (`… IS NULL … RETURNING`, rows locked and
 * skipped by a second process), together with its mail in one transaction: two processes, or two
 * runs, never mail it twice, and a failed run leaves it for the next.
 */
export async function sendCommitmentReminders(ctx: AppContext, now = new Date()): Promise<number> {
  const today = todayInGermany(now);
  let mailed = 0;
  for (const kind of ['before', 'overdue'] as const) {
    for (;;) {
      const claimed = await ctx.db.transaction((tx) => remindBatch(tx, ctx, kind, today, now));
      mailed += claimed;
      if (claimed < BATCH) break;
    }
  }
  return mailed;
}

async function remindBatch(db: Db, ctx: AppContext, kind: Kind, today: string, now: Date) {
  const column = sql.raw(kind === 'before' ? 'reminded_before_at' : 'reminded_overdue_at');
  const claimed = await db.execute<{ id: string }>(sql`
    UPDATE commitments SET ${column} = ${now.toISOString()}::timestamptz
    WHERE ${column} IS NULL AND id IN (
      SELECT cm.id FROM commitments cm WHERE ${dueSql(kind, today)}
      ORDER BY cm.due_date, cm.id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
    RETURNING id`);
  const ids = claimed.rows.map((r) => r.id);
  if (ids.length === 0) return 0;
  const claimedSql = sql`cm.id IN (${sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  )})`;
  const { rows } = await db.execute<Due>(sql`
    SELECT cm.id, cm.organisation_id, o.name AS organisation, cf.title, cf.starts_at, cf.time_zone,
      i.name AS institution, ic.name AS contact, cm.responsible_name,
      coalesce(ic.email, i.email) AS email, cm.action, cm.due_date,
      CASE WHEN nm.id IS NULL THEN NULL ELSE ${agendaPlaceSql} END AS agenda_place
    FROM commitments cm
    JOIN organisations o ON o.id = cm.organisation_id
    JOIN conferences cf ON cf.id = cm.conference_id
    JOIN institutions i ON i.id = cm.institution_id
    LEFT JOIN institution_contacts ic ON ic.id = cm.contact_id
    LEFT JOIN conference_nominations nm ON nm.id = cm.nomination_id
    WHERE ${claimedSql}`);
  const partners = await db.execute<{ id: string; email: string; name: string }>(sql`
    SELECT cm.id, p.email, p.name FROM commitments cm CROSS JOIN LATERAL (${partnerUsersSql}) p
    WHERE ${claimedSql} ORDER BY p.email`);
  for (const r of rows)
    for (const to of recipientsOf(
      r,
      partners.rows.filter((p) => p.id === r.id),
    ))
      await enqueueMail(db, ctx.config, {
        organisationId: r.organisation_id,
        to: to.email,
        ...reminderMail(kind, r, { greet: to.name, link: to.partner ? linkTo(ctx, r.id) : null }),
      });
  return ids.length;
}

/** The commitment in the partner portal: where the link of a reminder leads (after login). */
const linkTo = (ctx: AppContext, id: string) => `${ctx.config.baseUrl}/portal/commitments/${id}`;

interface Recipient {
  email: string;
  /** Who the mail greets: the contact person or the partner user; none for an institution's address. */
  name: string | null;
  /** A partner user of the institution: can open the commitment in the portal. */
  partner: boolean;
}

/**
 * Everyone a reminder of this commitment goes to, once per address (compared without case): the
 * contact person or the institution's address, and the institution's partner users. An address
 * that is both is one mail, with the link.
 */
function recipientsOf(r: Due, partners: { email: string; name: string }[]): Recipient[] {
  const byAddress = new Map<string, Recipient>();
  if (r.email) byAddress.set(r.email.toLowerCase(), { email: r.email, name: r.contact, partner: false });
  for (const p of partners) {
    const known = byAddress.get(p.email.toLowerCase());
    if (known) known.partner = true;
    else byAddress.set(p.email.toLowerCase(), { email: p.email, name: p.name, partner: true });
  }
  return [...byAddress.values()];
}

const germanDate = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
const dayOf = (v: Date | string) => (v instanceof Date ? v.toISOString() : String(v)).slice(0, 10);

/** What the reader is asked to do: tell the organisation, or report in Lotse through the link. */
function askFor(kind: Kind, organisation: string, link: string | null): string[] {
  const tell = link ? 'Bitte melden Sie in Lotse' : `Bitte geben Sie ${organisation} Bescheid`;
  const ask =
    kind === 'before'
      ? `${tell}, sobald die Zusage erledigt ist – oder wenn etwas im Weg steht.`
      : `${tell}, ob die Zusage erledigt ist oder was im Weg steht. Offene Zusagen kommen auf die Tagesordnung der nächsten Konferenz der Reihe.`;
  return link ? [ask, '', `Zur Zusage in Lotse: ${link}`] : [ask];
}

/** The reminder of one commitment: subject and text, German, without anything of the client. */
export function reminderMail(
  kind: Kind,
  r: Due,
  to: { greet: string | null; link: string | null },
): { subject: string; text: string } {
  const startsAt = r.starts_at instanceof Date ? r.starts_at : new Date(r.starts_at);
  const held = new Intl.DateTimeFormat('de-DE', {
    timeZone: r.time_zone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(startsAt);
  const due = germanDate(dayOf(r.due_date));
  const place = Number(r.agenda_place ?? 0);
  const subject =
    kind === 'before'
      ? `Erinnerung: Zusage fällig am ${due} (${r.title})`
      : `Überfällig: Zusage war fällig am ${due} (${r.title})`;
  const opening =
    kind === 'before'
      ? `am ${due} ist eine Zusage fällig, die ${r.institution} in der Geberkonferenz „${r.title}“ am ${held} gegeben hat:`
      : `eine Zusage, die ${r.institution} in der Geberkonferenz „${r.title}“ am ${held} gegeben hat, war am ${due} fällig und ist noch nicht als erledigt gemeldet:`;
  const text = [
    `Guten Tag${to.greet ? ` ${to.greet}` : ''},`,
    '',
    opening,
    '',
    `  Was: ${r.action.replace(/\s+/g, ' ').trim()}`,
    place > 0
      ? `  Fall: Fall ${place} der Konferenz „${r.title}“ am ${held}`
      : '  Fall: ohne Fallbezug (offene Zusagen zu Beginn der Konferenz)',
    `  Fällig am: ${due}`,
    `  Verantwortlich: ${r.responsible_name ?? r.contact ?? r.institution} (${r.institution})`,
    '',
    ...askFor(kind, r.organisation, to.link),
    '',
    r.organisation,
  ].join('\n');
  return { subject, text: `${text}\n` };
}
