// The words of the funder reports (contracts/reports.ts), German and English, in one place: the
// report screen on the web and the server's PDF and XLSX exports both label every report, table,
// column and row from here, so that a figure never carries two different names.
import type { Breakdown, ReportId } from './reports';

export interface ReportLabels {
  reports: Record<ReportId, { title: string; description: string }>;
  /** Keyed `${report}.${table}`; `definition` says exactly what is counted (who, which date decides the period). */
  tables: Record<string, { title: string; definition: string }>;
  /** Every column key of every table, plus 'total' (the row total: e.g. "Insgesamt"/"Total"). */
  columns: Record<string, string>;
  /** Keyed by rowsBy ('none', 'gender', 'age_group', 'country_group', 'occupation_group', 'measure_type', 'team', 'sector', 'institution') then by row key (the fixed keys; sector/team/institution rows carry their own label, but 'not_recorded'/'none' need words). */
  rows: Record<string, Record<string, string>>;
  /** The heading of the row column per rowsBy ("Geschlecht", "Maßnahmeart" …). */
  rowsBy: Record<string, string>;
  breakdowns: Record<Breakdown, string>;
  /** How a hidden cell is printed, and the legend that explains it. */
  hidden: { primary: string; secondary: string; primaryLegend: string; secondaryLegend: string };
  /** For the documents: cover-sheet words. */
  doc: {
    title: string;
    organisation: string;
    report: string;
    version: string;
    period: string;
    previousPeriod: string;
    breakdown: string;
    population: string;
    populations: { organisation: string; caseload: string };
    generatedAt: string;
    empty: string;
    privacy: string;
    definitions: string;
    cover: string;
    trend: string;
    month: string;
    pseudonym: string;
    ageGroup: string;
    gender: string;
    countryGroup: string;
    occupationGroup: string;
    stage: string;
    cases: string;
  };
}

const de: ReportLabels = {
  reports: {
    iq_counselling: {
      title: 'IQ-Beratungsbericht',
      description:
        'Beratene Personen und Beratungsgespräche im Förderprogramm IQ: Erst- und Folgeberatungen, Beratungsweg, Zugang, Leistungsbezug, Art der ausländischen Qualifikation und Reglementierung des Referenzberufs.',
    },
    esf_entry: {
      title: 'ESF Plus: Eintrittsindikatoren',
      description:
        'Die gemeinsamen Outputindikatoren des ESF Plus für Teilnehmende, deren Fall im Zeitraum begann: Geschlecht, Erwerbsstatus beim Eintritt, Altersgruppe, ISCED-Stufe, Drittstaatsangehörige, ausländische Herkunft.',
    },
    esf_results: {
      title: 'ESF Plus: Ergebnisindikatoren',
      description:
        'Die gemeinsamen Ergebnisindikatoren des ESF Plus: Verbleib innerhalb von vier Wochen nach dem Austritt und Erwerbstätigkeit sechs Monate nach dem Austritt.',
    },
    recognition_times: {
      title: 'Bearbeitungszeiten der Anerkennungsverfahren',
      description:
        'Im Zeitraum beschiedene Anerkennungsverfahren: Entscheidung innerhalb der Dreimonatsfrist oder danach, Anteil fristgerecht, Median der Bearbeitungstage und Ergebnisse.',
    },
    measures: {
      title: 'Maßnahmen nach Art und Ergebnis',
      description:
        'Im Zeitraum begonnene Maßnahmen nach Maßnahmeart (abgeschlossen, abgebrochen, laufend) und die Personen, die sie begonnen und abgeschlossen haben.',
    },
    employment: {
      title: 'Beschäftigung beim Austritt und nach sechs Monaten',
      description:
        'Verbleib der Personen, deren Fall im Zeitraum abgeschlossen wurde, und ihre Beschäftigung sechs Monate nach dem Austritt – qualifikationsadäquat oder unter der Qualifikation.',
    },
    conferences: {
      title: 'Geberkonferenzen und Zusagen',
      description:
        'Im Zeitraum abgehaltene Geberkonferenzen, beteiligte Institutionen, besprochene Fälle und die Zusagen der Institutionen: fristgerecht erledigt, verspätet erledigt, offen, überfällig, entfallen.',
    },
  },
  tables: {
    'iq_counselling.persons': {
      title: 'Beratene Personen',
      definition:
        'Personen mit mindestens einem Beratungsgespräch, dessen Datum im Zeitraum liegt. „Neu beraten“: Personen, deren erstes Beratungsgespräch überhaupt im Zeitraum liegt. „Beratungsgespräche“: Anzahl der Gespräche im Zeitraum (Abstimmungen mit Institutionen zählen nicht).',
    },
    'iq_counselling.session_type': {
      title: 'Erst- und Folgeberatungen',
      definition:
        'Beratungsgespräche mit Datum im Zeitraum, nach der Angabe im Kontaktprotokoll: Erstberatung oder Folgeberatung.',
    },
    'iq_counselling.channel': {
      title: 'Beratungsweg',
      definition:
        'Beratungsgespräche mit Datum im Zeitraum, nach dem Weg, auf dem sie geführt wurden (persönlich, Telefon, Video, E-Mail, Chat).',
    },
    'iq_counselling.referral': {
      title: 'Zugang zur Beratung',
      definition:
        'Personen mit mindestens einem Beratungsgespräch im Zeitraum, nach dem im Fall erfassten Zugangsweg (wie sie zur Beratung kamen).',
    },
    'iq_counselling.benefits': {
      title: 'Leistungsbezug',
      definition:
        'Personen mit mindestens einem Beratungsgespräch im Zeitraum, nach dem im Fall erfassten Leistungsbezug (SGB II, SGB III, AsylbLG, keine Leistungen oder keine Angabe).',
    },
    'iq_counselling.qualification': {
      title: 'Art der ausländischen Qualifikation',
      definition:
        'Personen mit mindestens einem Beratungsgespräch im Zeitraum, nach der Art ihrer ersten erfassten ausländischen Qualifikation: beruflich oder akademisch.',
    },
    'iq_counselling.regulation': {
      title: 'Reglementierung des Referenzberufs',
      definition:
        'Personen mit mindestens einem Beratungsgespräch im Zeitraum, danach, ob der Referenzberuf ihrer ersten ausländischen Qualifikation reglementiert ist, und nach Bundes- oder Landesrecht.',
    },
    'esf_entry.participants': {
      title: 'Teilnehmende',
      definition:
        'Personen, deren Fall (Aufnahmedatum) im Zeitraum begann. Drittstaatsangehörige: erste Staatsangehörigkeit außerhalb von EU, EWR und der Schweiz. Ausländische Herkunft: ausländische Staatsangehörigkeit oder im Ausland geboren.',
    },
    'esf_entry.gender': {
      title: 'Geschlecht',
      definition: 'Teilnehmende, deren Fall im Zeitraum begann (Aufnahmedatum), nach Geschlecht.',
    },
    'esf_entry.employment_status': {
      title: 'Erwerbsstatus beim Eintritt',
      definition:
        'Teilnehmende, deren Fall im Zeitraum begann (Aufnahmedatum), nach dem Erwerbsstatus beim Eintritt: erwerbstätig, selbstständig, arbeitslos, langzeitarbeitslos (länger als zwölf Monate arbeitslos), nichterwerbstätig.',
    },
    'esf_entry.age_group': {
      title: 'Altersgruppe',
      definition:
        'Teilnehmende, deren Fall im Zeitraum begann (Aufnahmedatum), nach dem Alter am Aufnahmedatum.',
    },
    'esf_entry.isced': {
      title: 'Bildungsstand (ISCED)',
      definition:
        'Teilnehmende, deren Fall im Zeitraum begann (Aufnahmedatum), nach der höchsten ISCED-Stufe ihrer erfassten Qualifikationen: ISCED 0–2, ISCED 3–4, ISCED 5–8.',
    },
    'esf_results.results': {
      title: 'Verbleib innerhalb von vier Wochen nach dem Austritt',
      definition:
        'Austritte: Personen, deren Fall im Zeitraum abgeschlossen wurde (Abschlussdatum). Je Ergebnis: die Personen, die innerhalb von vier Wochen nach dem Austritt erwerbstätig, arbeitsuchend, in schulischer oder beruflicher Bildung waren oder eine Qualifizierung erlangt haben. Erwerbstätig und arbeitsuchend schließen sich aus.',
    },
    'esf_results.six_months': {
      title: 'Erwerbstätigkeit sechs Monate nach dem Austritt',
      definition:
        'Personen, bei denen der Zeitpunkt sechs Monate nach dem Austritt (Abschlussdatum des Falls) im Zeitraum liegt, nach ihrer Beschäftigung zu diesem Zeitpunkt; die Zeilensumme sind die in diesem Zeitraum fälligen Personen.',
    },
    'recognition_times.times': {
      title: 'Bearbeitungszeiten gegen die Dreimonatsfrist',
      definition:
        'Anerkennungsverfahren mit Bescheid (Entscheidungsdatum) im Zeitraum. Die Frist: drei Monate ab Vollständigkeit der Unterlagen (im beschleunigten Verfahren nach § 81a AufenthG zwei), zuzüglich einer begründeten Verlängerung und der Zeit, in der das Verfahren ruhte. „Ohne Frist“: Verfahren ohne erfasstes Datum der Vollständigkeit. Median: Tage von der Vollständigkeit der Unterlagen – sonst vom Antrag – bis zum Bescheid.',
    },
    'recognition_times.outcomes': {
      title: 'Ergebnisse der Anerkennungsverfahren',
      definition: 'Anerkennungsverfahren mit Bescheid (Entscheidungsdatum) im Zeitraum, nach dem Ergebnis.',
    },
    'measures.by_type': {
      title: 'Maßnahmen nach Art und Ergebnis',
      definition:
        'Maßnahmen, die im Zeitraum begonnen haben (Beginndatum), nach Maßnahmeart und ihrem heutigen Stand: abgeschlossen, abgebrochen oder laufend; die Zeilensumme sind die begonnenen Maßnahmen.',
    },
    'measures.persons': {
      title: 'Personen in Maßnahmen',
      definition:
        'Maßnahmen, die im Zeitraum begonnen haben (Beginndatum), und die Personen, die mindestens eine davon begonnen bzw. abgeschlossen haben.',
    },
    'employment.at_exit': {
      title: 'Verbleib beim Austritt',
      definition:
        'Personen, deren Fall im Zeitraum abgeschlossen wurde (Abschlussdatum), nach dem beim Abschluss erfassten Ergebnis; die Zeilensumme sind die Austritte.',
    },
    'employment.six_months': {
      title: 'Beschäftigung sechs Monate nach dem Austritt',
      definition:
        'Personen, bei denen der Zeitpunkt sechs Monate nach dem Austritt (Abschlussdatum des Falls) im Zeitraum liegt, nach ihrer Beschäftigung zu diesem Zeitpunkt: qualifikationsadäquat beschäftigt, unter der Qualifikation beschäftigt, nicht erwerbstätig.',
    },
    'conferences.conferences': {
      title: 'Geberkonferenzen',
      definition:
        'Im Zeitraum abgehaltene Geberkonferenzen (Konferenzdatum), die daran beteiligten Institutionen (jede einmal) und die Personen, deren Fall dort besprochen wurde.',
    },
    'conferences.commitments': {
      title: 'Zusagen der Institutionen',
      definition:
        'Zusagen, die auf einer im Zeitraum abgehaltenen Geberkonferenz vereinbart wurden, je Institution, nach ihrem heutigen Stand; die Zeilensumme sind die vereinbarten Zusagen.',
    },
  },
  columns: {
    total: 'Insgesamt',
    // iq_counselling
    persons_counselled: 'Beratene Personen',
    new_persons: 'Neu beraten',
    sessions: 'Beratungsgespräche',
    first: 'Erstberatung',
    follow_up: 'Folgeberatung',
    in_person: 'Persönlich',
    phone: 'Telefon',
    video: 'Video',
    email: 'E-Mail',
    chat: 'Chat',
    self: 'Selbst',
    social_environment: 'Soziales Umfeld',
    job_centre: 'Jobcenter',
    employment_agency: 'Agentur für Arbeit',
    internet: 'Internet',
    other_services: 'Andere Beratungsstellen',
    sgb2: 'SGB II (Bürgergeld)',
    sgb3: 'SGB III (Arbeitslosengeld)',
    asylblg: 'AsylbLG',
    none: 'Keine Leistungen',
    vocational: 'Beruflich',
    academic: 'Akademisch',
    regulated_federal: 'Reglementiert (Bundesrecht)',
    regulated_state: 'Reglementiert (Landesrecht)',
    regulated_law_unknown: 'Reglementiert (Recht nicht erfasst)',
    not_regulated: 'Nicht reglementiert',
    // esf_entry
    participants: 'Teilnehmende',
    third_country_nationals: 'Drittstaatsangehörige',
    foreign_background: 'Ausländische Herkunft',
    female: 'Weiblich',
    male: 'Männlich',
    diverse: 'Divers',
    not_stated: 'Keine Angabe zum Geschlecht',
    employed: 'Erwerbstätig',
    self_employed: 'Selbstständig',
    unemployed: 'Arbeitslos',
    long_term_unemployed: 'Langzeitarbeitslos',
    inactive: 'Nichterwerbstätig',
    under_18: 'Unter 18',
    '18_29': '18–29',
    '30_54': '30–54',
    '55_plus': '55 und älter',
    isced_0_2: 'ISCED 0–2',
    isced_3_4: 'ISCED 3–4',
    isced_5_8: 'ISCED 5–8',
    // esf_results
    leavers: 'Austritte',
    job_seeking: 'Arbeitsuchend',
    in_education: 'In schulischer oder beruflicher Bildung',
    qualification_gained: 'Qualifizierung erlangt',
    employed_matching: 'Qualifikationsadäquat beschäftigt',
    employed_below: 'Unter der Qualifikation beschäftigt',
    not_employed: 'Nicht erwerbstätig',
    // recognition_times
    decided: 'Beschieden',
    within_deadline: 'Innerhalb der Frist',
    after_deadline: 'Nach Fristablauf',
    no_deadline: 'Ohne Frist',
    share_within: 'Anteil fristgerecht (%)',
    median_days: 'Median (Tage)',
    full: 'Volle Gleichwertigkeit',
    partial: 'Teilweise Gleichwertigkeit',
    compensation_required: 'Ausgleichsmaßnahme gefordert',
    not_recognised: 'Keine Gleichwertigkeit',
    withdrawn: 'Zurückgenommen',
    // measures
    completed: 'Abgeschlossen',
    // measures (abgebrochen) and commitments (entfallen) share the key
    dropped: 'Abgebrochen / entfallen',
    running: 'Laufend',
    measures_started: 'Begonnene Maßnahmen',
    persons_started: 'Personen mit begonnener Maßnahme',
    persons_completed: 'Personen mit abgeschlossener Maßnahme',
    // employment
    in_training: 'In Ausbildung / Qualifizierung',
    moved_away: 'Weggezogen',
    no_contact: 'Kein Kontakt mehr',
    // conferences
    held: 'Abgehaltene Konferenzen',
    institutions_involved: 'Beteiligte Institutionen',
    cases_discussed: 'Besprochene Fälle (Personen)',
    done_on_time: 'Fristgerecht erledigt',
    done_late: 'Verspätet erledigt',
    open_not_due: 'Offen, noch nicht fällig',
    overdue: 'Überfällig',
    // shared
    other: 'Sonstiges',
    no_answer: 'Keine Angabe',
    not_recorded: 'Nicht erfasst',
  },
  rows: {
    none: { all: 'Alle' },
    gender: {
      female: 'Weiblich',
      male: 'Männlich',
      diverse: 'Divers',
      not_stated: 'Keine Angabe',
      not_recorded: 'Nicht erfasst',
    },
    age_group: {
      under_18: 'Unter 18',
      '18_29': '18–29',
      '30_54': '30–54',
      '55_plus': '55 und älter',
      not_recorded: 'Nicht erfasst',
    },
    country_group: {
      eu_eea_ch: 'EU, EWR oder Schweiz',
      europe_other: 'Anderes europäisches Land',
      middle_east_north_africa: 'Naher Osten oder Nordafrika',
      sub_saharan_africa: 'Afrika südlich der Sahara',
      asia: 'Asien',
      americas: 'Amerika',
      oceania: 'Ozeanien',
      unknown: 'Unbekannt',
    },
    occupation_group: {
      kldb_0: 'KldB 0 – Militär',
      kldb_1: 'KldB 1 – Land-, Forst- und Tierwirtschaft und Gartenbau',
      kldb_2: 'KldB 2 – Rohstoffgewinnung, Produktion und Fertigung',
      kldb_3: 'KldB 3 – Bau, Architektur, Vermessung und Gebäudetechnik',
      kldb_4: 'KldB 4 – Naturwissenschaft, Geografie und Informatik',
      kldb_5: 'KldB 5 – Verkehr, Logistik, Schutz und Sicherheit',
      kldb_6: 'KldB 6 – Kaufmännische Dienstleistungen, Warenhandel, Vertrieb, Hotel und Tourismus',
      kldb_7: 'KldB 7 – Unternehmensorganisation, Buchhaltung, Recht und Verwaltung',
      kldb_8: 'KldB 8 – Gesundheit, Soziales, Lehre und Erziehung',
      kldb_9:
        'KldB 9 – Sprach-, Literatur-, Geistes-, Gesellschafts- und Wirtschaftswissenschaften, Medien, Kunst, Kultur und Gestaltung',
      isco_0: 'ISCO 0 – Angehörige der regulären Streitkräfte',
      isco_1: 'ISCO 1 – Führungskräfte',
      isco_2: 'ISCO 2 – Akademische Berufe',
      isco_3: 'ISCO 3 – Techniker und gleichrangige nichttechnische Berufe',
      isco_4: 'ISCO 4 – Bürokräfte und verwandte Berufe',
      isco_5: 'ISCO 5 – Dienstleistungsberufe und Verkäufer',
      isco_6: 'ISCO 6 – Fachkräfte in Land- und Forstwirtschaft und Fischerei',
      isco_7: 'ISCO 7 – Handwerks- und verwandte Berufe',
      isco_8: 'ISCO 8 – Bediener von Anlagen und Maschinen und Montageberufe',
      isco_9: 'ISCO 9 – Hilfsarbeitskräfte',
      not_recorded: 'Kein Referenzberuf erfasst',
    },
    measure_type: {
      adaptation_qualification: 'Anpassungsqualifizierung',
      exam_preparation: 'Vorbereitung auf Kenntnis- oder Eignungsprüfung',
      advanced_training: 'Berufliche Weiterbildung',
      language_course: 'Berufsbezogener Sprachkurs',
      internship: 'Praktikum',
      bridging_course: 'Brückenkurs',
      coaching: 'Coaching',
      other: 'Sonstige',
    },
    team: { none: 'Ohne Team' },
    sector: { not_recorded: 'Keine Branche erfasst' },
    institution: { none: 'Ohne Institution' },
  },
  rowsBy: {
    none: 'Gruppe',
    gender: 'Geschlecht',
    age_group: 'Altersgruppe',
    country_group: 'Staatsangehörigkeit (Ländergruppe)',
    occupation_group: 'Berufsbereich des Referenzberufs',
    measure_type: 'Maßnahmeart',
    team: 'Team',
    sector: 'Branche',
    institution: 'Institution',
  },
  breakdowns: {
    none: 'Keine Aufschlüsselung',
    gender: 'Geschlecht',
    age_group: 'Altersgruppe',
    country_group: 'Ländergruppe der Staatsangehörigkeit',
    occupation_group: 'Berufsbereich',
    sector: 'Branche',
    team: 'Team der Berater:in',
  },
  hidden: {
    primary: '< 5',
    secondary: '•',
    primaryLegend: '< 5: weniger als fünf Personen – der Wert wird nicht ausgewiesen.',
    secondaryLegend: '•: ausgeblendet, damit ein verdeckter Wert nicht aus den Summen errechnet werden kann.',
  },
  doc: {
    title: 'Förderbericht',
    organisation: 'Organisation',
    report: 'Bericht',
    version: 'Version der Definition',
    period: 'Zeitraum',
    previousPeriod: 'Vorzeitraum',
    breakdown: 'Aufschlüsselung',
    population: 'Grundgesamtheit',
    populations: { organisation: 'Die gesamte Organisation', caseload: 'Eigener Fallbestand' },
    generatedAt: 'Erstellt am',
    empty: 'Im Zeitraum wurde nichts gezählt. Der Bericht ist dennoch gültig: Alle Werte sind null.',
    privacy:
      'Datenschutz: Werte, hinter denen weniger als fünf Personen stehen, werden nicht ausgewiesen („< 5“); Werte, aus denen sich ein verdeckter Wert errechnen ließe, ebenfalls nicht („•“). Fälle erscheinen nur pseudonymisiert, mit Altersgruppe statt Geburtsdatum.',
    definitions: 'Definitionen',
    cover: 'Deckblatt',
    trend: 'Verlauf nach Monaten',
    month: 'Monat',
    pseudonym: 'Pseudonym',
    ageGroup: 'Altersgruppe',
    gender: 'Geschlecht',
    countryGroup: 'Ländergruppe',
    occupationGroup: 'Berufsbereich',
    stage: 'Phase',
    cases: 'Fälle',
  },
};

const en: ReportLabels = {
  reports: {
    iq_counselling: {
      title: 'IQ counselling report',
      description:
        'Persons counselled and counselling sessions in the IQ programme: first and follow-up sessions, channel, referral, benefits, type of foreign qualification and whether the reference occupation is regulated.',
    },
    esf_entry: {
      title: 'ESF Plus entry indicators',
      description:
        'The ESF Plus common output indicators for participants whose case began in the period: gender, employment status at entry, age group, ISCED level, third-country nationals, foreign background.',
    },
    esf_results: {
      title: 'ESF Plus result indicators',
      description:
        'The ESF Plus common result indicators: the situation within four weeks of leaving, and employment six months after leaving.',
    },
    recognition_times: {
      title: 'Recognition processing times',
      description:
        'Recognition procedures decided in the period: decided within the three-month deadline or after it, share on time, median processing days, and outcomes.',
    },
    measures: {
      title: 'Measures by type and outcome',
      description:
        'Measures that started in the period by type (completed, dropped, running), and the persons who started and completed them.',
    },
    employment: {
      title: 'Employment at exit and after six months',
      description:
        'Where the persons whose case was closed in the period went, and their employment six months after leaving – matching their qualification or below it.',
    },
    conferences: {
      title: 'Donor conferences and commitments',
      description:
        "Donor conferences held in the period, institutions involved, cases discussed, and the institutions' commitments: done on time, done late, open, overdue, dropped.",
    },
  },
  tables: {
    'iq_counselling.persons': {
      title: 'Persons counselled',
      definition:
        'Persons with at least one counselling session dated in the period. "New": persons whose very first counselling session is in the period. "Sessions": the number of counselling sessions in the period (coordination talks with institutions do not count).',
    },
    'iq_counselling.session_type': {
      title: 'First and follow-up sessions',
      definition:
        'Counselling sessions dated in the period, by what the contacts log says: first session or follow-up.',
    },
    'iq_counselling.channel': {
      title: 'Channel',
      definition:
        'Counselling sessions dated in the period, by how they were held (in person, phone, video, e-mail, chat).',
    },
    'iq_counselling.referral': {
      title: 'Referral',
      definition:
        'Persons with at least one counselling session in the period, by the referral source recorded in the case (how they came to counselling).',
    },
    'iq_counselling.benefits': {
      title: 'Benefits',
      definition:
        'Persons with at least one counselling session in the period, by the benefits recorded in the case (SGB II, SGB III, AsylbLG, none, or no answer).',
    },
    'iq_counselling.qualification': {
      title: 'Type of foreign qualification',
      definition:
        'Persons with at least one counselling session in the period, by the type of their first recorded foreign qualification: vocational or academic.',
    },
    'iq_counselling.regulation': {
      title: 'Regulation of the reference occupation',
      definition:
        'Persons with at least one counselling session in the period, by whether the reference occupation of their first foreign qualification is regulated, under federal or state law.',
    },
    'esf_entry.participants': {
      title: 'Participants',
      definition:
        'Persons whose case began (intake date) in the period. Third-country nationals: first citizenship outside the EU, the EEA and Switzerland. Foreign background: a foreign citizenship or born abroad.',
    },
    'esf_entry.gender': {
      title: 'Gender',
      definition: 'Participants whose case began in the period (intake date), by gender.',
    },
    'esf_entry.employment_status': {
      title: 'Employment status at entry',
      definition:
        'Participants whose case began in the period (intake date), by their employment status at entry: employed, self-employed, unemployed, long-term unemployed (unemployed for more than twelve months), inactive.',
    },
    'esf_entry.age_group': {
      title: 'Age group',
      definition:
        'Participants whose case began in the period (intake date), by their age at the intake date.',
    },
    'esf_entry.isced': {
      title: 'Educational attainment (ISCED)',
      definition:
        'Participants whose case began in the period (intake date), by the highest ISCED level of their recorded qualifications: ISCED 0–2, ISCED 3–4, ISCED 5–8.',
    },
    'esf_results.results': {
      title: 'Situation within four weeks of leaving',
      definition:
        'Leavers: persons whose case was closed in the period (closing date). Per result: the persons who, within four weeks of leaving, were employed, job-seeking, in education or training, or gained a qualification. Employed and job-seeking exclude each other.',
    },
    'esf_results.six_months': {
      title: 'Employment six months after leaving',
      definition:
        'Persons for whom six months after leaving (the closing date of the case) falls in the period, by their employment at that time; the row total is the persons due in the period.',
    },
    'recognition_times.times': {
      title: 'Processing times against the three-month deadline',
      definition:
        'Recognition procedures decided (decision date) in the period. The deadline: three months from the date the documents were complete (two in the accelerated procedure, § 81a AufenthG), plus a reasoned extension and the time the procedure was suspended. "No deadline": procedures without a recorded date of complete documents. Median: days from complete documents – else from the application – to the decision.',
    },
    'recognition_times.outcomes': {
      title: 'Outcomes of recognition procedures',
      definition: 'Recognition procedures decided (decision date) in the period, by outcome.',
    },
    'measures.by_type': {
      title: 'Measures by type and outcome',
      definition:
        'Measures that started in the period (start date), by type and their state today: completed, dropped or running; the row total is the measures started.',
    },
    'measures.persons': {
      title: 'Persons in measures',
      definition:
        'Measures that started in the period (start date), and the persons who started or completed at least one of them.',
    },
    'employment.at_exit': {
      title: 'Situation at exit',
      definition:
        'Persons whose case was closed in the period (closing date), by the outcome recorded at closing; the row total is the leavers.',
    },
    'employment.six_months': {
      title: 'Employment six months after leaving',
      definition:
        'Persons for whom six months after leaving (the closing date of the case) falls in the period, by their employment at that time: employed matching the qualification, employed below it, not employed.',
    },
    'conferences.conferences': {
      title: 'Donor conferences',
      definition:
        'Donor conferences held in the period (conference date), the institutions involved in them (each once), and the persons whose case was discussed there.',
    },
    'conferences.commitments': {
      title: "Institutions' commitments",
      definition:
        'Commitments agreed at a donor conference held in the period, per institution, by their state today; the row total is the commitments made.',
    },
  },
  columns: {
    total: 'Total',
    persons_counselled: 'Persons counselled',
    new_persons: 'New persons',
    sessions: 'Sessions',
    first: 'First session',
    follow_up: 'Follow-up session',
    in_person: 'In person',
    phone: 'Phone',
    video: 'Video',
    email: 'E-mail',
    chat: 'Chat',
    self: 'Self',
    social_environment: 'Social environment',
    job_centre: 'Job centre',
    employment_agency: 'Employment agency',
    internet: 'Internet',
    other_services: 'Other counselling services',
    sgb2: "SGB II (citizen's benefit)",
    sgb3: 'SGB III (unemployment benefit)',
    asylblg: 'AsylbLG',
    none: 'No benefits',
    vocational: 'Vocational',
    academic: 'Academic',
    regulated_federal: 'Regulated (federal law)',
    regulated_state: 'Regulated (state law)',
    regulated_law_unknown: 'Regulated (law not recorded)',
    not_regulated: 'Not regulated',
    participants: 'Participants',
    third_country_nationals: 'Third-country nationals',
    foreign_background: 'Foreign background',
    female: 'Female',
    male: 'Male',
    diverse: 'Diverse',
    not_stated: 'Gender not stated',
    employed: 'Employed',
    self_employed: 'Self-employed',
    unemployed: 'Unemployed',
    long_term_unemployed: 'Long-term unemployed',
    inactive: 'Inactive',
    under_18: 'Under 18',
    '18_29': '18–29',
    '30_54': '30–54',
    '55_plus': '55 or older',
    isced_0_2: 'ISCED 0–2',
    isced_3_4: 'ISCED 3–4',
    isced_5_8: 'ISCED 5–8',
    leavers: 'Leavers',
    job_seeking: 'Job-seeking',
    in_education: 'In education or training',
    qualification_gained: 'Gained a qualification',
    employed_matching: 'Employed matching the qualification',
    employed_below: 'Employed below the qualification',
    not_employed: 'Not employed',
    decided: 'Decided',
    within_deadline: 'Within the deadline',
    after_deadline: 'After the deadline',
    no_deadline: 'No deadline',
    share_within: 'Share on time (%)',
    median_days: 'Median (days)',
    full: 'Full equivalence',
    partial: 'Partial equivalence',
    compensation_required: 'Compensation measure required',
    not_recognised: 'No equivalence',
    withdrawn: 'Withdrawn',
    completed: 'Completed',
    dropped: 'Dropped',
    running: 'Running',
    measures_started: 'Measures started',
    persons_started: 'Persons who started a measure',
    persons_completed: 'Persons who completed a measure',
    in_training: 'In training',
    moved_away: 'Moved away',
    no_contact: 'No further contact',
    held: 'Conferences held',
    institutions_involved: 'Institutions involved',
    cases_discussed: 'Cases discussed (persons)',
    done_on_time: 'Done on time',
    done_late: 'Done late',
    open_not_due: 'Open, not yet due',
    overdue: 'Overdue',
    other: 'Other',
    no_answer: 'No answer',
    not_recorded: 'Not recorded',
  },
  rows: {
    none: { all: 'All' },
    gender: {
      female: 'Female',
      male: 'Male',
      diverse: 'Diverse',
      not_stated: 'Not stated',
      not_recorded: 'Not recorded',
    },
    age_group: {
      under_18: 'Under 18',
      '18_29': '18–29',
      '30_54': '30–54',
      '55_plus': '55 or older',
      not_recorded: 'Not recorded',
    },
    country_group: {
      eu_eea_ch: 'EU, EEA or Switzerland',
      europe_other: 'Other European country',
      middle_east_north_africa: 'Middle East or North Africa',
      sub_saharan_africa: 'Africa south of the Sahara',
      asia: 'Asia',
      americas: 'The Americas',
      oceania: 'Oceania',
      unknown: 'Unknown',
    },
    occupation_group: {
      kldb_0: 'KldB 0 – Military',
      kldb_1: 'KldB 1 – Agriculture, forestry, animal husbandry and horticulture',
      kldb_2: 'KldB 2 – Raw-material extraction, production and manufacturing',
      kldb_3: 'KldB 3 – Construction, architecture, surveying and building services engineering',
      kldb_4: 'KldB 4 – Natural sciences, geography and computer science',
      kldb_5: 'KldB 5 – Transport, logistics, protection and security',
      kldb_6: 'KldB 6 – Commercial services, trading, sales, hotel business and tourism',
      kldb_7: 'KldB 7 – Business organisation, accounting, law and administration',
      kldb_8: 'KldB 8 – Health care, social services, teaching and education',
      kldb_9:
        'KldB 9 – Linguistics, literature, humanities, social sciences, economics, media, art, culture and design',
      isco_0: 'ISCO 0 – Armed forces occupations',
      isco_1: 'ISCO 1 – Managers',
      isco_2: 'ISCO 2 – Professionals',
      isco_3: 'ISCO 3 – Technicians and associate professionals',
      isco_4: 'ISCO 4 – Clerical support workers',
      isco_5: 'ISCO 5 – Service and sales workers',
      isco_6: 'ISCO 6 – Skilled agricultural, forestry and fishery workers',
      isco_7: 'ISCO 7 – Craft and related trades workers',
      isco_8: 'ISCO 8 – Plant and machine operators, and assemblers',
      isco_9: 'ISCO 9 – Elementary occupations',
      not_recorded: 'No reference occupation recorded',
    },
    measure_type: {
      adaptation_qualification: 'Adaptation qualification',
      exam_preparation: 'Preparation for knowledge exam or aptitude test',
      advanced_training: 'Advanced vocational training',
      language_course: 'Job-related language course',
      internship: 'Internship',
      bridging_course: 'Bridging course',
      coaching: 'Coaching',
      other: 'Other',
    },
    team: { none: 'No team' },
    sector: { not_recorded: 'No sector recorded' },
    institution: { none: 'No institution' },
  },
  rowsBy: {
    none: 'Group',
    gender: 'Gender',
    age_group: 'Age group',
    country_group: 'Citizenship (country group)',
    occupation_group: 'Occupational area of the reference occupation',
    measure_type: 'Type of measure',
    team: 'Team',
    sector: 'Sector',
    institution: 'Institution',
  },
  breakdowns: {
    none: 'No breakdown',
    gender: 'Gender',
    age_group: 'Age group',
    country_group: 'Country group of citizenship',
    occupation_group: 'Occupational area',
    sector: 'Sector',
    team: "Counsellor's team",
  },
  hidden: {
    primary: '< 5',
    secondary: '•',
    primaryLegend: '< 5: fewer than five persons – the figure is not shown.',
    secondaryLegend: '•: hidden so that a hidden cell cannot be worked out from the totals.',
  },
  doc: {
    title: 'Funder report',
    organisation: 'Organisation',
    report: 'Report',
    version: 'Definition version',
    period: 'Period',
    previousPeriod: 'Previous period',
    breakdown: 'Breakdown',
    population: 'Whose figures',
    populations: { organisation: 'The whole organisation', caseload: 'Own caseload' },
    generatedAt: 'Generated at',
    empty: 'Nothing was counted in the period. The report is still valid: every figure is zero.',
    privacy:
      'Privacy: figures with fewer than five persons behind them are not shown ("< 5"), nor are figures from which a hidden one could be worked out ("•"). Cases appear only pseudonymised, with an age group instead of a date of birth.',
    definitions: 'Definitions',
    cover: 'Cover sheet',
    trend: 'Month by month',
    month: 'Month',
    pseudonym: 'Pseudonym',
    ageGroup: 'Age group',
    gender: 'Gender',
    countryGroup: 'Country group',
    occupationGroup: 'Occupational area',
    stage: 'Stage',
    cases: 'Cases',
  },
};

export const reportLabels: Record<'de' | 'en', ReportLabels> = { de, en };
