// What the funder reports count, on top of the clients suite's 100,000 cases: the ESF Plus answers
// and the referral, benefits and sector of every case; closing days and exit answers for the closed
// ones; four counselling sessions per case (400,000); a recognition procedure for half of them; one
// or two measures for most; the counsellors' teams. Written by a few INSERT … SELECT statements with
// a fixed seed, so both databases get the same kind of data in seconds.
import { sql } from 'drizzle-orm';
import { measureTypes } from '../src/contracts/measures';
import { withBenchOrganisation } from './seed';

const pick = (values: readonly string[]) =>
  sql.raw(`(ARRAY[${values.map((v) => `'${v}'`).join(', ')}])[1 + floor(random() * ${values.length})::int]`);

export async function seedReports(target: { dataDir?: string; databaseUrl?: string }) {
  return withBenchOrganisation(target, async ({ db, stamp, sectorIds }) => {
    const org = sql`${stamp.organisationId}::uuid`;
    const sectors = sql.raw(`(ARRAY[${sectorIds.map((s) => `'${s}'`).join(', ')}]::uuid[])`);
    await db.execute(sql`SELECT setseed(0.14)`);
    await db.execute(sql`UPDATE users SET team = CASE WHEN right(email, 13) < '3@example.org' THEN 'Saarbrücken' ELSE 'Neunkirchen' END
      WHERE organisation_id = ${org} AND 'counsellor' = ANY(roles)`);
    await db.execute(sql`UPDATE clients SET
        employment_status_at_entry = ${pick(['employed', 'self_employed', 'unemployed', 'long_term_unemployed', 'inactive', 'no_answer'])},
        referral_source = ${pick(['self', 'social_environment', 'job_centre', 'employment_agency', 'internet', 'other_services', 'other'])},
        benefits = ${pick(['sgb2', 'sgb3', 'asylblg', 'none', 'no_answer'])},
        birth_country = citizenships[1],
        sector_id = ${sectors}[1 + floor(random() * ${sectorIds.length})::int],
        closed_at = CASE WHEN stage = 'closed'
          THEN least(now() - interval '1 day', (intake_date + 30 + floor(random() * 300)::int)::timestamp + interval '10 hours') END,
        closing_outcome = CASE WHEN stage = 'closed'
          THEN ${pick(['employed_matching', 'employed_below', 'in_training', 'moved_away', 'no_contact', 'other'])} END
      WHERE organisation_id = ${org}`);
    await db.execute(sql`UPDATE clients SET
        exit_recorded_on = CASE WHEN random() < 0.7 THEN (closed_at AT TIME ZONE 'Europe/Berlin')::date END,
        exit_labour = ${pick(['employed', 'job_seeking', 'neither', 'no_answer'])},
        exit_in_education = random() < 0.2,
        exit_qualification_gained = random() < 0.3,
        follow_up_employment = CASE WHEN random() < 0.6 THEN ${pick(['employed_matching', 'employed_below', 'not_employed', 'no_answer'])} END
      WHERE organisation_id = ${org} AND stage = 'closed'`);
    await db.execute(sql`UPDATE clients SET exit_labour = NULL, exit_in_education = NULL, exit_qualification_gained = NULL
      WHERE organisation_id = ${org} AND stage = 'closed' AND exit_recorded_on IS NULL`);
    await db.execute(sql`UPDATE qualifications SET
        isced_level = floor(random() * 9)::int,
        regulated = random() < 0.6,
        law = ${pick(['federal', 'state'])}
      WHERE organisation_id = ${org}`);
    await db.execute(sql`INSERT INTO contacts (organisation_id, client_id, kind, occurred_on, session_type, channel, duration_minutes)
      SELECT c.organisation_id, c.id, 'session', least(current_date, c.intake_date + g * 35 + floor(random() * 20)::int),
        CASE WHEN g = 0 THEN 'first' ELSE 'follow_up' END,
        ${pick(['in_person', 'in_person', 'phone', 'video', 'email', 'chat'])}, 45
      FROM clients c CROSS JOIN generate_series(0, 3) g WHERE c.organisation_id = ${org}`);
    await db.execute(sql`INSERT INTO recognition_procedures (organisation_id, client_id, type, submitted_on,
        documents_complete_on, decision_due_on, decided_on, outcome)
      SELECT organisation_id, id, 'recognition', s, s + 20, (s + 20 + interval '3 months')::date,
        CASE WHEN d <= current_date THEN d END,
        CASE WHEN d <= current_date THEN ${pick(['full', 'partial', 'compensation_required', 'rejected', 'withdrawn'])} ELSE 'pending' END
      FROM (SELECT organisation_id, id, intake_date + 30 AS s, intake_date + 50 + floor(random() * 150)::int AS d
        FROM clients WHERE organisation_id = ${org} AND random() < 0.5) x`);
    for (const type of measureTypes)
      await db.execute(
        sql`INSERT INTO measures (organisation_id, title, type) VALUES (${org}, ${`Bench-Bericht ${type}`}, ${type})`,
      );
    await db.execute(sql`WITH m AS (SELECT array_agg(id ORDER BY title) AS ids FROM measures
        WHERE organisation_id = ${org} AND title LIKE 'Bench-Bericht %')
      INSERT INTO client_measures (organisation_id, client_id, measure_id, status, start_date)
      SELECT c.organisation_id, c.id, m.ids[1 + floor(random() * ${measureTypes.length})::int],
        ${pick(['proposed', 'funded', 'started', 'started', 'completed', 'completed', 'dropped'])},
        least(current_date + 60, c.intake_date + 30 + floor(random() * 400)::int)
      FROM clients c CROSS JOIN generate_series(0, 1) g CROSS JOIN m
      WHERE c.organisation_id = ${org} AND random() < 0.6`);
  });
}
