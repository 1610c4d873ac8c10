import { eq } from 'drizzle-orm';
import { type Stage, stages } from '../../contracts/clients';
import { decisionDueOn } from '../casefile/deadlines';
import { openCases, refreshCaseSummaries } from '../clients/service';
import type { Db } from '../db/client';
import {
  caseTransitions,
  consents,
  contacts,
  languageSkills,
  nextSteps,
  objectives,
  occupations,
  qualifications,
  recognitionProcedures,
  residenceStatuses,
} from '../db/schema';
import { nameKeys } from '../lib/consent';
import { firstRow, required } from '../lib/required';
import { days, person, random } from './people';

/** Institutions of the demo network (network-data.ts) that consents to conferences name, by name. */
const conferenceRecipients = [
  'Jobcenter Regionalverband Saarbrücken-Mitte',
  'Agentur für Arbeit Saar-Mitte',
  'Landesamt für Gesundheitsberufe Saar',
];

interface Profession {
  code: string;
  kind: 'academic' | 'vocational';
  title: string;
  translation: string;
  isced: number;
  regulated: boolean;
  law: 'federal' | 'state' | null;
  authority: string;
  procedure: 'recognition' | 'zab';
  differences: string;
  compensation: string | null;
}

// Competent authorities of the fictional network: invented names for real kinds of bodies.
const professions: Profession[] = [
  {
    code: '81302',
    kind: 'academic',
    title: 'Bachelor of Nursing',
    translation: 'Bachelor Krankenpflege',
    isced: 6,
    regulated: true,
    law: 'federal',
    authority: 'Landesamt für Gesundheitsberufe Saar',
    procedure: 'recognition',
    differences: 'Praktische Einsätze in der Langzeit- und ambulanten Pflege fehlen',
    compensation: 'knowledge_test',
  },
  {
    code: '81404',
    kind: 'academic',
    title: 'Doctor of Medicine',
    translation: 'Humanmedizin (Staatsexamen)',
    isced: 7,
    regulated: true,
    law: 'federal',
    authority: 'Approbationsstelle Saarbrücken',
    procedure: 'recognition',
    differences: 'Pharmakologie und Rechtsmedizin nicht gleichwertig',
    compensation: 'knowledge_test',
  },
  {
    code: '31104',
    kind: 'academic',
    title: 'Diploma in Civil Engineering',
    translation: 'Diplom Bauingenieurwesen',
    isced: 7,
    regulated: true,
    law: 'state',
    authority: 'Ingenieurkammer Saarland-West',
    procedure: 'recognition',
    differences: 'Baurecht und Normen (DIN, Eurocode) fehlen',
    compensation: 'adaptation_qualification',
  },
  {
    code: '43414',
    kind: 'academic',
    title: 'Bachelor of Computer Science',
    translation: 'Bachelor Informatik',
    isced: 6,
    regulated: false,
    law: null,
    authority: 'Zentralstelle für ausländisches Bildungswesen',
    procedure: 'zab',
    differences: '',
    compensation: null,
  },
  {
    code: '84124',
    kind: 'academic',
    title: 'Diploma in Mathematics Teaching',
    translation: 'Lehramt Mathematik (Sekundarstufe)',
    isced: 7,
    regulated: true,
    law: 'state',
    authority: 'Landesprüfungsamt für Lehrämter Saar',
    procedure: 'recognition',
    differences: 'Zweites Unterrichtsfach fehlt',
    compensation: 'adaptation_period',
  },
  {
    code: '26212',
    kind: 'vocational',
    title: 'Electrician, vocational diploma',
    translation: 'Elektriker (Berufsabschluss)',
    isced: 4,
    regulated: false,
    law: 'federal',
    authority: 'Anerkennungsstelle der Industrie- und Handelskammer Saar-Mitte',
    procedure: 'recognition',
    differences: 'Gebäudesystemtechnik und VDE-Vorschriften',
    compensation: 'adaptation_qualification',
  },
  {
    code: '81804',
    kind: 'academic',
    title: 'Master of Pharmacy',
    translation: 'Pharmazie (Master)',
    isced: 7,
    regulated: true,
    law: 'federal',
    authority: 'Approbationsstelle Saarbrücken',
    procedure: 'recognition',
    differences: 'Pharmazeutische Technologie, deutsches Arzneimittelrecht',
    compensation: 'knowledge_test',
  },
  {
    code: '83112',
    kind: 'vocational',
    title: 'Preschool educator diploma',
    translation: 'Erzieherin (Vorschule)',
    isced: 5,
    regulated: true,
    law: 'state',
    authority: 'Landesamt für Soziales und Jugend Saar',
    procedure: 'recognition',
    differences: 'Praxis in der Krippe (unter 3 Jahren)',
    compensation: 'adaptation_period',
  },
  {
    code: '72214',
    kind: 'academic',
    title: 'Bachelor of Accounting',
    translation: 'Bachelor Rechnungswesen',
    isced: 6,
    regulated: false,
    law: null,
    authority: 'Zentralstelle für ausländisches Bildungswesen',
    procedure: 'zab',
    differences: '',
    compensation: null,
  },
  {
    code: '25104',
    kind: 'academic',
    title: 'Master of Mechanical Engineering',
    translation: 'Master Maschinenbau',
    isced: 7,
    regulated: true,
    law: 'state',
    authority: 'Ingenieurkammer Saarland-West',
    procedure: 'recognition',
    differences: '',
    compensation: null,
  },
  {
    code: '29302',
    kind: 'vocational',
    title: 'Cook, vocational certificate',
    translation: 'Koch (Berufsabschluss)',
    isced: 3,
    regulated: false,
    law: 'federal',
    authority: 'Handwerkskammer Saar-Ost, Anerkennungsberatung',
    procedure: 'recognition',
    differences: 'Hygienerecht, Kalkulation',
    compensation: 'adaptation_qualification',
  },
  {
    code: '81712',
    kind: 'vocational',
    title: 'Physiotherapy diploma',
    translation: 'Physiotherapie',
    isced: 5,
    regulated: true,
    law: 'federal',
    authority: 'Landesamt für Gesundheitsberufe Saar',
    procedure: 'recognition',
    differences: 'Manuelle Therapie, Krankengymnastik am Gerät',
    compensation: 'adaptation_period',
  },
];

const residenceFor = (country: string, rng: ReturnType<typeof random>) =>
  country === 'UA'
    ? '§24 AufenthG'
    : rng.pick([
        '§16d Abs. 1 AufenthG',
        '§18a AufenthG',
        '§18b AufenthG',
        '§25 AufenthG',
        'Aufenthaltsgestattung',
        '§9 AufenthG',
      ]);

/**
 * The ESF Plus answers of a case: the situation at entry, and for a closed case the results
 * asked three weeks after leaving and, once six months have passed, whether the person works.
 */
function reportAnswers(
  rng: ReturnType<typeof random>,
  closingOutcome: 'employed_matching' | 'employed_below' | 'moved_away' | null,
  closedOn: string,
  today: Date,
) {
  const entry = {
    employmentStatusAtEntry: rng.pick([
      'unemployed',
      'unemployed',
      'long_term_unemployed',
      'employed',
      'inactive',
      'no_answer',
    ] as const),
  };
  if (!closingOutcome) return entry;
  const employed = closingOutcome !== 'moved_away';
  const asked = days(new Date(`${closedOn}T10:00:00Z`), 21);
  const sixMonths = days(new Date(`${closedOn}T10:00:00Z`), 183);
  const followUp = sixMonths <= days(today, 0) && rng.chance(0.8);
  return {
    ...entry,
    exitRecordedOn: asked,
    exitLabour: employed ? 'employed' : rng.pick(['job_seeking', 'no_answer'] as const),
    exitInEducation: false,
    exitQualificationGained: closingOutcome === 'employed_matching' && rng.chance(0.5),
    followUpRecordedOn: followUp ? sixMonths : null,
    followUpEmployment: followUp ? (employed ? closingOutcome : 'not_employed') : null,
  };
}

const mix = [
  0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 5, 5, 5,
  5, 6, 6, 6,
];

/**
 * About forty fictional cases spread over every stage, with qualifications, recognition
 * procedures, plans, contacts, residence titles and consents; dates are relative to today so
 * that the dashboard always has something due.
 */
export async function demoClients(tx: Db, organisationId: string, counsellorIds: string[]) {
  const rng = random(2026);
  // The funder reports' answers draw from a generator of their own, so the older demo data stays as it was.
  const esf = random(14);
  const today = new Date();
  const occ = await tx
    .select({ id: occupations.id, code: occupations.code })
    .from(occupations)
    .where(eq(occupations.scheme, 'builtin'));
  const occupationId = new Map(occ.map((o) => [o.code, o.id]));
  let seq = 0;
  const created: string[] = [];

  for (const [i, stageIndex] of mix.entries()) {
    const p = person(rng, today);
    const stage = required(stages[stageIndex], `stage ${stageIndex}`);
    const prof = rng.pick(professions);
    const owner = required(counsellorIds[i % counsellorIds.length], 'a demo counsellor');
    const intake = days(today, -(30 + stageIndex * 60 + rng.int(0, 50)));
    seq++;
    const email = `${p.givenNames.split(' ')[0]}.${p.familyName}`
      .normalize('NFKD')
      .replace(/[^\w.]/g, '')
      .toLowerCase();
    // A closed case closed when its path below reached the last stage, with what it said then.
    const closingOutcome =
      stage === 'closed' ? rng.pick(['employed_matching', 'employed_below', 'moved_away'] as const) : null;
    // Drawn as before, so that every later random choice (and the persons browser tests name) stays the same.
    if (stage === 'closed') rng.int(5, 40);
    const closedOn = days(new Date(`${intake}T10:00:00Z`), (stages.length - 1) * 45);
    // The case is opened as at its intake, then replays its path through the stages.
    const [row] = await openCases(
      tx,
      { organisationId, userId: owner, ip: null },
      [
        {
          stage,
          closingOutcome,
          closedAt: closingOutcome ? new Date(`${closedOn}T10:00:00Z`) : null,
          ...reportAnswers(esf, closingOutcome, closedOn, today),
          ownerId: owner,
          givenNames: p.givenNames,
          familyName: p.familyName,
          givenNamesOriginal: p.givenNamesOriginal,
          familyNameOriginal: p.familyNameOriginal,
          birthDate: p.birthDate,
          gender: p.gender,
          citizenships: [p.country],
          birthCountry: p.country,
          languages: p.languages,
          email: `${email}${seq}@mail.example`,
          phone: `0681 ${rng.int(100000, 999999)}`,
          postcode: rng.pick(['66111', '66113', '66538', '66740', '66424', '66606', '66663']),
          city: rng.pick(['Saarbrücken', 'Neunkirchen', 'Saarlouis', 'Homburg', 'St. Wendel', 'Merzig']),
          district: rng.pick(['10041', '10042', '10043', '10044', '10045', '10046']),
          arrivalDate: days(today, -rng.int(400, 2500)),
          referralSource: rng.pick([
            'self',
            'job_centre',
            'employment_agency',
            'social_environment',
            'other_services',
          ]),
          benefits: rng.pick(['sgb2', 'sgb2', 'sgb3', 'none']),
          currentEmployer: rng.chance(0.4)
            ? rng.pick(['Reinigungsdienst Saar GmbH', 'Lagerlogistik Homburg', 'Gastronomie am Markt'])
            : null,
          currentJobBelowQualification: null,
          intakeDate: intake,
          openedAt: new Date(`${intake}T10:00:00Z`),
        },
      ],
      { action: 'client.created', details: { demo: true } },
    );
    if (!row) throw new Error('the demo case was not opened');
    const clientId = row.id;
    created.push(clientId);
    const base = { organisationId, clientId, createdBy: owner, updatedBy: owner };

    // The path through the stages, each step a few weeks after the last.
    let previous: Stage = stages[0];
    for (const [s, toStage] of stages.entries()) {
      if (s === 0 || s > stageIndex) continue;
      await tx.insert(caseTransitions).values({
        organisationId,
        clientId,
        fromStage: previous,
        toStage,
        at: new Date(`${days(new Date(`${intake}T10:00:00Z`), s * 45)}T10:00:00Z`),
        userId: owner,
        outcome: toStage === 'closed' ? closingOutcome : null,
      });
      previous = toStage;
    }

    await tx.insert(contacts).values({
      ...base,
      kind: 'session',
      occurredOn: intake,
      sessionType: 'first',
      channel: 'in_person',
      durationMinutes: 90,
      interpreter: p.languages[0] !== 'eng' && rng.chance(0.4),
      summary: 'Erstgespräch: Bildungsweg, Berufserfahrung, Unterlagen besprochen.',
    });
    if (stageIndex >= 1) {
      await tx.insert(contacts).values({
        ...base,
        kind: 'session',
        occurredOn: days(today, -rng.int(3, 25)),
        sessionType: 'follow_up',
        channel: rng.pick(['in_person', 'phone', 'video']),
        durationMinutes: 45,
        summary: 'Folgegespräch zum Stand des Verfahrens.',
      });
    }
    // Conference sharing names the institutions it is for; most demo consents name the job
    // centre, the agency and the health authority, some only the first two (so that a conference
    // shows a case held back from one institution).
    const conference = rng.chance(0.7);
    const recipients = conference ? conferenceRecipients.slice(0, rng.chance(0.8) ? 3 : 2) : [];
    await tx.insert(consents).values({
      ...base,
      purposes: ['counselling_record', ...(conference ? ['conference_sharing'] : [])],
      institutions: recipients,
      institutionKeys: nameKeys(recipients),
      scope: rng.chance(0.5) ? 'identified' : 'pseudonymised',
      // The printed form is German or English; an interpreter explains it in other languages.
      formLanguage: p.languages.includes('eng') ? 'eng' : 'deu',
      givenOn: intake,
      validUntil: days(today, rng.chance(0.15) ? rng.int(5, 28) : rng.int(120, 700)),
    });

    if (stageIndex >= 1 || rng.chance(0.5)) {
      const q = firstRow(
        await tx
          .insert(qualifications)
          .values({
            ...base,
            titleOriginal: prof.title,
            titleTranslation: prof.translation,
            country: p.country,
            year: Number(p.birthDate.slice(0, 4)) + (prof.kind === 'academic' ? 24 : 20),
            iscedLevel: prof.isced,
            kind: prof.kind,
            referenceOccupationId: occupationId.get(prof.code) ?? null,
            regulated: prof.regulated,
            law: prof.law,
            anabinStatus: prof.kind === 'academic' ? 'h_plus' : null,
          })
          .returning({ id: qualifications.id }),
        'the demo qualification',
      );
      const german = required(
        (['A2', 'B1', 'B1', 'B2', 'B2', 'C1', 'C1'] as const)[stageIndex],
        `the German level of stage ${stageIndex}`,
      );
      await tx.insert(languageSkills).values([
        { ...base, language: p.languages[0], level: 'native' },
        {
          ...base,
          language: 'deu',
          level: german,
          evidence: stageIndex >= 3 ? 'telc' : 'placement_test',
          assessedOn: days(today, -rng.int(30, 200)),
        },
      ]);
      if (stageIndex >= 2) {
        const submitted = days(new Date(`${intake}T00:00:00Z`), 40);
        const complete =
          stageIndex === 2 && rng.chance(0.4)
            ? days(today, -rng.int(100, 130))
            : days(new Date(`${submitted}T00:00:00Z`), 30);
        const decided = stageIndex >= 3 ? days(new Date(`${complete}T00:00:00Z`), 80) : null;
        const outcome = !decided
          ? 'pending'
          : prof.procedure === 'zab'
            ? 'zab_comparable'
            : prof.compensation
              ? prof.regulated
                ? 'compensation_required'
                : 'partial'
              : prof.regulated
                ? 'equivalent'
                : 'full';
        await tx.insert(recognitionProcedures).values({
          ...base,
          type: prof.procedure,
          qualificationId: q.id,
          referenceOccupationId: occupationId.get(prof.code) ?? null,
          authorityName: prof.authority,
          submittedOn: submitted,
          receiptConfirmedOn: days(new Date(`${submitted}T00:00:00Z`), 14),
          documentsCompleteOn: complete,
          decisionDueOn: decisionDueOn({
            documentsCompleteOn: complete,
            accelerated: false,
            extensionMonths: 0,
            suspensions: [],
          }),
          decidedOn: decided,
          outcome,
          substantialDifferences: decided && prof.differences ? prof.differences : null,
          compensationMeasure: decided ? prof.compensation : null,
          checklist: [
            { kind: 'application', label: null, present: true, certifiedCopy: false, translated: false },
            { kind: 'certificate', label: null, present: true, certifiedCopy: true, translated: true },
            {
              kind: 'transcript',
              label: null,
              present: true,
              certifiedCopy: true,
              translated: stageIndex > 2,
            },
            {
              kind: 'proof_of_experience',
              label: null,
              present: stageIndex > 2,
              certifiedCopy: false,
              translated: false,
            },
          ],
        });
      }
    }

    await tx.insert(residenceStatuses).values({
      ...base,
      legalBasis: residenceFor(p.country, rng),
      validFrom: days(today, -rng.int(200, 600)),
      validUntil: days(today, i % 6 === 0 ? rng.int(10, 55) : rng.int(120, 900)),
      employmentPermission: rng.pick(['allowed', 'allowed', 'restricted']),
    });

    if (stage !== 'closed' && stage !== 'placed') {
      const o = firstRow(
        await tx
          .insert(objectives)
          .values({
            ...base,
            text: `Arbeit als ${prof.translation.split(' (')[0]} auf Niveau der Qualifikation`,
            targetDate: days(today, rng.int(120, 400)),
          })
          .returning({ id: objectives.id }),
        'the demo objective',
      );
      await tx.insert(nextSteps).values([
        {
          ...base,
          objectiveId: o.id,
          text: 'Beglaubigte Übersetzungen beim Übersetzungsbüro anfragen',
          ownerUserId: owner,
          dueDate: days(today, i % 4 === 0 ? -rng.int(2, 12) : rng.int(2, 13)),
        },
        {
          ...base,
          objectiveId: o.id,
          text: 'Lebenslauf auf Deutsch überarbeiten',
          ownerNote: 'Klient:in',
          dueDate: days(today, rng.int(10, 40)),
        },
      ]);
    }
  }
  await refreshCaseSummaries(tx, 'all', organisationId);
  return created;
}
