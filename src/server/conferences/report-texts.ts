/**
 * The words of the conference report's documents (PDF, XLSX), German and English: the steering
 * group reads German, a funder's desk may read English. The web has its own in its i18n files.
 */
import type { CommitmentState } from '../../contracts/conference-report';
import type { ConferenceStatus } from '../../contracts/conferences';
import { germanDate } from './pack-texts';

const de = {
  title: 'Bericht über die Geberkonferenzen',
  scope: 'Umfang',
  scopes: {
    conference: (title: string) => `Konferenz: ${title}`,
    series: (title: string) => `Reihe: ${title}`,
    organisation: 'Alle Konferenzen der Organisation',
  },
  organisation: 'Organisation',
  period: 'Zeitraum',
  generatedAt: 'Erstellt am',
  asOf: 'Stand der Verabredungen',
  empty: 'In diesem Zeitraum fanden keine Konferenzen statt: Es gibt nichts zu zählen.',
  privacy:
    'Alle Zahlen sind Anzahlen von Fällen oder Verabredungen. Der Bericht enthält keine Namen, Fallnummern oder Kennungen von Ratsuchenden.',
  sections: {
    totals: 'Überblick',
    conferences: 'Konferenzen',
    commitments: 'Verabredungen nach Institution',
    chart: 'Verabredungen nach Institution und Stand',
    cases: 'Fälle nach beteiligter Institution',
    pathways: 'Wege (Strategien für Berufsgruppen)',
    definitions: 'Begriffe',
  },
  /** The XLSX's sheet names (at most 31 characters). */
  sheets: {
    cover: 'Bericht',
    totals: 'Überblick',
    conferences: 'Konferenzen',
    commitments: 'Verabredungen',
    cases: 'Fälle',
    pathways: 'Wege',
  },
  figures: {
    conferences: 'Konferenzen',
    conferencesHeld: 'davon durchgeführt',
    casesDiscussed: 'Fälle besprochen',
    casesMovedOn: 'davon seither eine Phase weiter',
    made: 'Verabredungen getroffen',
  },
  states: {
    doneOnTime: 'erledigt, fristgerecht',
    doneLate: 'erledigt, verspätet',
    openNotDue: 'offen, noch nicht fällig',
    overdue: 'überfällig',
    dropped: 'entfallen',
  } satisfies Record<CommitmentState, string>,
  columns: {
    institution: 'Institution',
    conference: 'Konferenz',
    date: 'Datum',
    status: 'Stand',
    pathway: 'Weg',
    occupationGroup: 'Berufsgruppe',
    adoptedAt: 'Beschlossen auf',
    casesFollowing: 'Fälle auf dem Weg',
    stepsDone: 'Schritte erledigt',
    stepsTotal: 'Schritte insgesamt',
    casesCompleted: 'Fälle mit allen Schritten',
  },
  statuses: {
    planned: 'geplant',
    invited: 'eingeladen',
    agenda_fixed: 'Tagesordnung steht',
    held: 'durchgeführt',
    minutes_published: 'Protokoll veröffentlicht',
    closed: 'abgeschlossen',
    cancelled: 'abgesagt',
  } satisfies Record<ConferenceStatus, string>,
  none: 'keine',
  definitions: [
    [
      'Fall besprochen',
      'Ein für die Konferenz angemeldeter Fall, den der Live-Modus als besprochen markiert hat. Wurde der Live-Modus auf einer durchgeführten Konferenz nicht benutzt, zählt jeder angemeldete Fall. Ein Fall, der auf zwei Konferenzen besprochen wurde, zählt bei beiden.',
    ],
    [
      'Eine Phase weiter',
      'Der Fall wechselte nach Beginn der Konferenz in eine spätere Phase (in der Reihenfolge Erstgespräch, Profiling, Planung, in Maßnahmen, Arbeitssuche, vermittelt, abgeschlossen). Ein Abschluss zählt nur mit Arbeit oder Ausbildung als Ergebnis.',
    ],
    [
      'Beteiligte Institution',
      'Eine Institution, die bei der Anmeldung des Falls als benötigt genannt wurde. Ein Fall zählt bei jeder seiner Institutionen.',
    ],
    [
      'Stand einer Verabredung',
      'Fristgerecht: als erledigt gemeldet am Fälligkeitstag oder davor. Verspätet: danach. Überfällig: offen und der Fälligkeitstag ist vorbei. Gemessen am Tag, an dem der Bericht erstellt wurde.',
    ],
    [
      'Wege',
      'Ein Fall folgt einem Weg, wenn er ein Ziel aus diesem Weg hat; gezählt werden alle Fälle der Organisation. Schritte: die aus dem Weg angelegten nächsten Schritte dieser Fälle.',
    ],
  ] as [string, string][],
  /** A date (YYYY-MM-DD) as the language writes it. */
  day: germanDate,
};

export type ReportTexts = typeof de;

const en: ReportTexts = {
  title: 'Donor conference report',
  scope: 'Scope',
  scopes: {
    conference: (title) => `Conference: ${title}`,
    series: (title) => `Series: ${title}`,
    organisation: 'All conferences of the organisation',
  },
  organisation: 'Organisation',
  period: 'Period',
  generatedAt: 'Generated at',
  asOf: 'Commitments as of',
  empty: 'No conference took place in this period: there is nothing to count.',
  privacy:
    'Every figure is a count of cases or commitments. The report holds no names, case codes or identifiers of clients.',
  sections: {
    totals: 'Overview',
    conferences: 'Conferences',
    commitments: 'Commitments by institution',
    chart: 'Commitments by institution and state',
    cases: 'Cases by institution involved',
    pathways: 'Pathways (strategies for occupation groups)',
    definitions: 'Definitions',
  },
  sheets: {
    cover: 'Report',
    totals: 'Overview',
    conferences: 'Conferences',
    commitments: 'Commitments',
    cases: 'Cases',
    pathways: 'Pathways',
  },
  figures: {
    conferences: 'Conferences',
    conferencesHeld: 'of them held',
    casesDiscussed: 'Cases discussed',
    casesMovedOn: 'of them moved on a stage since',
    made: 'Commitments made',
  },
  states: {
    doneOnTime: 'done on time',
    doneLate: 'done late',
    openNotDue: 'open, not yet due',
    overdue: 'overdue',
    dropped: 'dropped',
  },
  columns: {
    institution: 'Institution',
    conference: 'Conference',
    date: 'Date',
    status: 'Status',
    pathway: 'Pathway',
    occupationGroup: 'Occupation group',
    adoptedAt: 'Adopted at',
    casesFollowing: 'Cases following',
    stepsDone: 'Steps done',
    stepsTotal: 'Steps in all',
    casesCompleted: 'Cases with every step done',
  },
  statuses: {
    planned: 'planned',
    invited: 'invited',
    agenda_fixed: 'agenda fixed',
    held: 'held',
    minutes_published: 'minutes published',
    closed: 'closed',
    cancelled: 'cancelled',
  },
  none: 'none',
  definitions: [
    [
      'Case discussed',
      'A case nominated for the conference that live mode marked as discussed. Where live mode was not used at a held conference, every nominated case counts. A case discussed at two conferences counts at each.',
    ],
    [
      'Moved on a stage',
      'After the start of the conference the case moved to a later stage (in the order intake, profiling, planning, in measures, job search, placed, closed). Closing counts only with work or training as its outcome.',
    ],
    [
      'Institution involved',
      'An institution named as needed when the case was nominated. A case counts at each of its institutions.',
    ],
    [
      'State of a commitment',
      'On time: reported done on or before its due date. Late: after it. Overdue: open and past its due date. Measured on the day the report was generated.',
    ],
    [
      'Pathways',
      'A case follows a pathway when it has an objective made from it; every case of the organisation counts. Steps: the next steps of those cases made from the pathway.',
    ],
  ],
  day: (d) => d,
};

export const reportTexts = { de, en } as const;
