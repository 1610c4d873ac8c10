/**
 * The words of the paperwork (privacy/paperwork.ts) in German and English. Legal bases are worded
 * per framework; the dpo edits the Markdown where the organisation's case differs.
 */
import type { PrivacyFramework, RetentionClass, RetentionStartEvent } from '../../contracts/privacy';

/** The purposes of processing the record lists; the first four are the consent's purposes. */
export const processingPurposes = [
  'counselling_record',
  'conference_sharing',
  'institution_sharing',
  'employer_profile',
  'funder_reporting',
  'staff_accounts',
  'directory_contacts',
] as const;
export type ProcessingPurpose = (typeof processingPurposes)[number];

type Bases = Record<'consent' | 'special' | 'obligation' | 'employment' | 'contactConsent', string>;

/** The legal bases by framework: GDPR Art. 6/9, KDG §§ 6/11, DSG-EKD §§ 6/13. */
const basesOf: Record<PrivacyFramework, Record<'de' | 'en', Bases>> = {
  gdpr: {
    de: {
      consent: 'Einwilligung, Art. 6 Abs. 1 lit. a DSGVO',
      special: 'ausdrückliche Einwilligung für Gesundheitsangaben, Art. 9 Abs. 2 lit. a DSGVO',
      obligation: 'rechtliche Verpflichtung gegenüber dem Zuwendungsgeber, Art. 6 Abs. 1 lit. c DSGVO',
      employment: 'Beschäftigungsverhältnis, Art. 6 Abs. 1 lit. b DSGVO i. V. m. Art. 88 DSGVO',
      contactConsent: 'Einwilligung der Kontaktperson, Art. 6 Abs. 1 lit. a DSGVO',
    },
    en: {
      consent: 'consent, Art. 6(1)(a) GDPR',
      special: 'explicit consent for health data, Art. 9(2)(a) GDPR',
      obligation: 'legal obligation towards the funder, Art. 6(1)(c) GDPR',
      employment: 'employment, Art. 6(1)(b) with Art. 88 GDPR',
      contactConsent: "the contact person's consent, Art. 6(1)(a) GDPR",
    },
  },
  kdg: {
    de: {
      consent: 'Einwilligung, § 6 Abs. 1 lit. b KDG',
      special: 'ausdrückliche Einwilligung für Gesundheitsangaben, § 11 Abs. 2 lit. a KDG',
      obligation: 'rechtliche Verpflichtung gegenüber dem Zuwendungsgeber, § 6 Abs. 1 lit. d KDG',
      employment: 'Beschäftigungsverhältnis, § 6 Abs. 1 lit. c i. V. m. § 53 KDG',
      contactConsent: 'Einwilligung der Kontaktperson, § 6 Abs. 1 lit. b KDG',
    },
    en: {
      consent: 'consent, § 6(1)(b) KDG',
      special: 'explicit consent for health data, § 11(2)(a) KDG',
      obligation: 'legal obligation towards the funder, § 6(1)(d) KDG',
      employment: 'employment, § 6(1)(c) with § 53 KDG',
      contactConsent: "the contact person's consent, § 6(1)(b) KDG",
    },
  },
  dsg_ekd: {
    de: {
      consent: 'Einwilligung, § 6 Nr. 2 DSG-EKD',
      special: 'ausdrückliche Einwilligung für Gesundheitsangaben, § 13 Abs. 2 Nr. 1 DSG-EKD',
      obligation: 'rechtliche Verpflichtung gegenüber dem Zuwendungsgeber, § 6 Nr. 6 DSG-EKD',
      employment: 'Beschäftigungsverhältnis, § 6 Nr. 5 i. V. m. § 49 DSG-EKD',
      contactConsent: 'Einwilligung der Kontaktperson, § 6 Nr. 2 DSG-EKD',
    },
    en: {
      consent: 'consent, § 6 no. 2 DSG-EKD',
      special: 'explicit consent for health data, § 13(2) no. 1 DSG-EKD',
      obligation: 'legal obligation towards the funder, § 6 no. 6 DSG-EKD',
      employment: 'employment, § 6 no. 5 with § 49 DSG-EKD',
      contactConsent: "the contact person's consent, § 6 no. 2 DSG-EKD",
    },
  },
};

/** The legal bases of each purpose, in the framework's words. */
export function legalBases(
  framework: PrivacyFramework,
  lang: 'de' | 'en',
): Record<ProcessingPurpose, string> {
  const b = basesOf[framework][lang];
  return {
    counselling_record: `${b.consent}; ${b.special}`,
    conference_sharing: `${b.consent}; ${b.special}`,
    institution_sharing: `${b.consent}; ${b.special}`,
    employer_profile: b.consent,
    funder_reporting: b.obligation,
    staff_accounts: b.employment,
    directory_contacts: b.contactConsent,
  };
}

const de = {
  frameworkName: { gdpr: 'DSGVO', kdg: 'KDG', dsg_ekd: 'DSG-EKD' } as Record<PrivacyFramework, string>,
  recordArticle: {
    gdpr: 'Art. 30 DSGVO',
    kdg: '§ 31 KDG',
    dsg_ekd: '§ 31 DSG-EKD',
  } as Record<PrivacyFramework, string>,
  generated: (org: string, at: string) =>
    `Erzeugt von Lotse für ${org} am ${at} aus der aktuellen Konfiguration.`,
  editNote:
    'Dieses Dokument ist ein Entwurf aus der Konfiguration. Bitte prüfen und, wo nötig, in der Markdown-Fassung ergänzen.',
  notSet: '– nicht eingetragen –',
  none: '– keine –',
  record: {
    title: 'Verzeichnis von Verarbeitungstätigkeiten',
    controller: 'Verantwortliche Stelle',
    dpo: 'Datenschutzbeauftragte:r',
    framework: 'Rechtsrahmen',
    purposesTitle: 'Zwecke der Verarbeitung und Rechtsgrundlagen',
    purpose: 'Zweck',
    basis: 'Rechtsgrundlage',
    personsTitle: 'Kategorien betroffener Personen',
    persons: [
      'Ratsuchende (Klient:innen) der Beratung',
      'Beschäftigte der Organisation (Nutzer:innen von Lotse)',
      'Kontaktpersonen der Partnerinstitutionen (Verzeichnis, Partnerportal)',
    ],
    dataTitle: 'Kategorien personenbezogener Daten',
    consentCategories: 'Datenkategorien der Einwilligung (was weitergegeben werden darf)',
    caseSections: 'Teile der Fallakte',
    staffData: 'Beschäftigte und Kontaktpersonen: Name, E-Mail, Rolle, Anmeldedaten, Protokoll der Zugriffe',
    recipientsTitle: 'Empfänger (aus dem Verzeichnis der Organisation)',
    recipientsNote:
      'Weitergabe nur mit gültiger Einwilligung für die genannte Institution; Zuwendungsgeber erhalten nur Zahlen ohne Personenbezug.',
    type: 'Art der Institution',
    names: 'Institutionen',
    thirdCountry: 'Übermittlung in Drittländer: keine.',
    retentionTitle: 'Löschfristen (Aufbewahrungsklassen)',
    class: 'Klasse',
    period: 'Frist',
    from: 'ab',
    tomsRef: 'Technische und organisatorische Maßnahmen: siehe gesondertes Dokument.',
  },
  purposes: {
    counselling_record: 'Beratung und Fallmanagement (Fallakte)',
    conference_sharing: 'Besprechung in Geberkonferenzen mit eingeladenen Institutionen',
    institution_sharing: 'Weitergabe an benannte Institutionen',
    employer_profile: 'Weitergabe des Qualifikationsprofils an Arbeitgeber',
    funder_reporting: 'Berichte an Zuwendungsgeber (IQ, ESF Plus), ohne Personenbezug',
    staff_accounts: 'Benutzerkonten, Rollen und Zugriffsprotokoll der Beschäftigten',
    directory_contacts: 'Verzeichnis der Partnerinstitutionen und ihrer Kontaktpersonen',
  } as Record<ProcessingPurpose, string>,
  sections: {
    client: 'Person und Fall (Name, Geburtsdatum, Kontakt, Staatsangehörigkeit, Status)',
    residence: 'Aufenthalt und Arbeitserlaubnis',
    qualifications: 'Ausländische Qualifikationen',
    experience: 'Berufserfahrung',
    languages: 'Sprachkenntnisse',
    procedures: 'Anerkennungsverfahren und Bescheide',
    plan: 'Ziele und nächste Schritte',
    contacts: 'Beratungskontakte',
    consent: 'Einwilligungen',
    documents: 'Dokumente (Zeugnisse, Übersetzungen, Bescheide)',
    stageHistory: 'Verlauf der Fallphasen mit Begründungen',
    network: 'Maßnahmen, Angebote, beteiligte Institutionen, Weitergaben',
    conferences: 'Geberkonferenzen, Entscheidungen, Zusagen',
  } as Record<string, string>,
  classes: {
    counselling: 'Beratungsdokumentation',
    esf: 'ESF-geförderte Falldaten',
    documents: 'Dokumente',
    accounting: 'Buchhaltungsrelevante Unterlagen',
    audit: 'Zugriffsprotokoll',
  } as Record<RetentionClass, string>,
  startEvents: {
    last_contact: 'letztem Kontakt (oder Abschluss)',
    case_closed: 'Abschluss des Falls',
    esf_payment_year_end: '31.12. des Jahres der letzten ESF-Zahlung',
    record_year_end: '31.12. des Jahres des Vorgangs',
    entry: 'Eintrag',
  } as Record<RetentionStartEvent, string>,
  months: (n: number) => (n % 12 === 0 ? `${n / 12} Jahre` : `${n} Monate`),
  institutionTypes: {
    recognition_authority: 'Anerkennungsstellen',
    employment_agency: 'Agenturen für Arbeit',
    job_centre: 'Jobcenter',
    chamber_ihk: 'Industrie- und Handelskammern',
    chamber_hwk: 'Handwerkskammern',
    chamber_professional: 'Berufskammern',
    training_provider: 'Bildungsträger',
    language_school: 'Sprachschulen',
    immigration_authority: 'Ausländerbehörden',
    company: 'Unternehmen (Arbeitgeber)',
    counselling_centre: 'Beratungsstellen',
    other: 'Sonstige',
  } as Record<string, string>,
  toms: {
    title: 'Technische und organisatorische Maßnahmen',
    encryption: 'Verschlüsselung und Anmeldung',
    encryptionItems: (idle: number) => [
      'Transport: HTTPS über den vorgeschalteten Webserver des Betriebs; Antworten der API werden nicht zwischengespeichert (Cache-Control: no-store), eine strenge Content-Security-Policy gilt.',
      'Passwörter: nur als argon2id-Hash gespeichert; Anmeldungen sind in der Zahl der Versuche begrenzt.',
      'Sitzungen: zufälliges Token im httpOnly-, SameSite-Cookie; in der Datenbank nur dessen SHA-256; CSRF-Token bei jeder Änderung; Sitzungen enden nach ' +
        `${idle} Minuten ohne Aktivität.`,
      'Geheimnisse (TOTP-Schlüssel): AES-256-GCM mit einem Serverschlüssel außerhalb der Datenbank, an die Zeile gebunden, rotierbar.',
    ],
    rolesTitle: 'Rollen und Berechtigungen',
    rolesNote:
      'Jede Anfrage wird auf dem Server geprüft; Fälle sehen Berater:innen nur, wenn sie ihnen gehören oder geteilt sind. Die Tabelle ist aus der Berechtigungstabelle des Programms erzeugt.',
    permission: 'Berechtigung',
    roles: 'Rollen',
    roleNames: {
      admin: 'Administration',
      lead: 'Projektleitung',
      counsellor: 'Beratung',
      partner: 'Partner',
      dpo: 'Datenschutz',
    } as Record<string, string>,
    totpTitle: 'Zweiter Faktor',
    totp: (required: boolean): string =>
      required
        ? 'Die Organisation verlangt einen zweiten Faktor (TOTP) für alle Beschäftigten.'
        : 'Ein zweiter Faktor (TOTP) ist für Beschäftigte möglich, aber von der Organisation nicht vorgeschrieben.',
    totpPartners: 'Partner:innen melden sich immer mit zweitem Faktor an.',
    auditTitle: 'Protokollierung',
    audit: (period: string) => [
      'Jedes Lesen und Ändern personenbezogener Daten wird mit Person, Zeit und Anlass protokolliert; das Protokoll kann nicht geändert werden (Datenbank-Trigger); Einträge entfernt allein der Löschlauf: nach Ablauf ihrer Frist und die eines anonymisierten Falls, an deren Stelle der Löschnachweis tritt.',
      `Aufbewahrung des Protokolls: ${period}.`,
      'Die Administration sieht im Protokoll keine Namen von Ratsuchenden; Personen nachschlagen kann nur die/der Datenschutzbeauftragte.',
    ],
    backupTitle: 'Datensicherung',
    backup: [
      'Sicherung der laufenden Installation als Archiv mit Manifest und Prüfsummen jeder Tabelle und Datei; die Wiederherstellung prüft jede Prüfsumme.',
      'Auf PostgreSQL: pg_dump / pg_restore nach dem Betriebshandbuch.',
    ],
    deletionTitle: 'Löschung',
    deletion: (notice: number) => [
      'Fälle werden nach Ablauf aller Aufbewahrungsklassen anonymisiert; was Berichte brauchen, bleibt ohne Personenbezug.',
      `Vorher erscheinen sie ${notice} Tage lang in der Liste der/des Datenschutzbeauftragten; ein gesetzlicher Aufbewahrungsgrund (Legal Hold) hält sie an.`,
      'Jede Löschung hinterlässt einen Löschnachweis ohne personenbezogene Daten.',
      'Ein Abbruch mitten im Löschlauf hinterlässt keine halb gelöschte Person: jede Person wird in einer Transaktion anonymisiert, Dateien beim nächsten Lauf entfernt.',
      'Überholte Zeilenversionen bleiben in den Datenbankdateien und im Write-Ahead-Log, bis PostgreSQL den Platz wiederverwendet; Datensicherungen enthalten die Daten bis zu ihrer Rotation.',
    ],
    pseudonymTitle: 'Pseudonymisierung und Datenminimierung',
    pseudonym: [
      'Fallbriefe für Konferenzen sind standardmäßig pseudonymisiert; Namen nur mit Einwilligung „identifiziert“ für die Institution.',
      'Berichte verbergen kleine Zellen (weniger als 5 Personen).',
    ],
  },
  consentForms: {
    title: 'Einwilligungsformulare',
    intro:
      'Die Texte der druckbaren Einwilligung je Sprache. Die Version ist ein Fingerabdruck des Textes und ändert sich mit jeder Änderung.',
    language: { de: 'Deutsch', en: 'Englisch' } as Record<string, string>,
    version: 'Version',
    purposes: 'Zwecke',
    categories: 'Datenkategorien',
    information: 'Hinweise',
  },
};

type Texts = typeof de;

const en: Texts = {
  frameworkName: { gdpr: 'GDPR', kdg: 'KDG', dsg_ekd: 'DSG-EKD' },
  recordArticle: { gdpr: 'Art. 30 GDPR', kdg: '§ 31 KDG', dsg_ekd: '§ 31 DSG-EKD' },
  generated: (org, at) => `Generated by Lotse for ${org} on ${at} from the current configuration.`,
  editNote:
    'This document is a draft generated from the configuration. Please review it and complete the Markdown version where needed.',
  notSet: '– not set –',
  none: '– none –',
  record: {
    title: 'Record of processing activities',
    controller: 'Controller',
    dpo: 'Data protection officer',
    framework: 'Legal framework',
    purposesTitle: 'Purposes of processing and legal bases',
    purpose: 'Purpose',
    basis: 'Legal basis',
    personsTitle: 'Categories of data subjects',
    persons: [
      'Clients of the counselling',
      "The organisation's staff (users of Lotse)",
      "Partner institutions' contact persons (directory, partner portal)",
    ],
    dataTitle: 'Categories of personal data',
    consentCategories: "The consent's data categories (what may be shared)",
    caseSections: 'Parts of the case file',
    staffData: 'Staff and contact persons: name, e-mail, role, login data, record of access',
    recipientsTitle: "Recipients (from the organisation's directory)",
    recipientsNote:
      'Data go only on a valid consent naming the institution; funders receive figures without personal data.',
    type: 'Kind of institution',
    names: 'Institutions',
    thirdCountry: 'Transfers to third countries: none.',
    retentionTitle: 'Retention periods (retention classes)',
    class: 'Class',
    period: 'Period',
    from: 'from',
    tomsRef: 'Technical and organisational measures: see the separate document.',
  },
  purposes: {
    counselling_record: 'Counselling and case management (case file)',
    conference_sharing: 'Discussion in donor conferences with invited institutions',
    institution_sharing: 'Sharing with named institutions',
    employer_profile: 'Passing the qualification profile to employers',
    funder_reporting: 'Reports to funders (IQ, ESF Plus), without personal data',
    staff_accounts: "Staff's user accounts, roles and record of access",
    directory_contacts: 'Directory of partner institutions and their contact persons',
  },
  sections: {
    client: 'Person and case (name, date of birth, contact, citizenship, status)',
    residence: 'Residence and work permission',
    qualifications: 'Foreign qualifications',
    experience: 'Work experience',
    languages: 'Language skills',
    procedures: 'Recognition procedures and decisions',
    plan: 'Objectives and next steps',
    contacts: 'Counselling contacts',
    consent: 'Consents',
    documents: 'Documents (certificates, translations, decisions)',
    stageHistory: "The case's stages over time, with reasons",
    network: 'Measures, offers, institutions involved, disclosures',
    conferences: 'Donor conferences, decisions, commitments',
  },
  classes: {
    counselling: 'Counselling records',
    esf: 'ESF-funded case data',
    documents: 'Documents',
    accounting: 'Accounting-relevant records',
    audit: 'Record of access (audit log)',
  },
  startEvents: {
    last_contact: 'the last contact (or closing)',
    case_closed: 'the closing of the case',
    esf_payment_year_end: '31 December of the year of the last ESF payment',
    record_year_end: '31 December of the year of the record',
    entry: 'the entry',
  },
  months: (n) => (n % 12 === 0 ? `${n / 12} years` : `${n} months`),
  institutionTypes: {
    recognition_authority: 'Recognition authorities',
    employment_agency: 'Employment agencies',
    job_centre: 'Job centres',
    chamber_ihk: 'Chambers of industry and commerce',
    chamber_hwk: 'Chambers of crafts',
    chamber_professional: 'Professional chambers',
    training_provider: 'Training providers',
    language_school: 'Language schools',
    immigration_authority: 'Immigration authorities',
    company: 'Companies (employers)',
    counselling_centre: 'Counselling centres',
    other: 'Other',
  },
  toms: {
    title: 'Technical and organisational measures',
    encryption: 'Encryption and login',
    encryptionItems: (idle) => [
      "Transport: HTTPS through the operator's web server in front; API answers are not cached (Cache-Control: no-store), a strict content security policy applies.",
      'Passwords: stored only as argon2id hashes; login attempts are limited.',
      `Sessions: a random token in an httpOnly, SameSite cookie; the database holds only its SHA-256; a CSRF token with every change; sessions end after ${idle} minutes without activity.`,
      'Secrets (TOTP keys): AES-256-GCM with a server key outside the database, bound to their row, rotatable.',
    ],
    rolesTitle: 'Roles and permissions',
    rolesNote:
      "Every request is checked on the server; counsellors see a case only when they own it or it is shared with them. The table is generated from the program's permission table.",
    permission: 'Permission',
    roles: 'Roles',
    roleNames: {
      admin: 'Administrator',
      lead: 'Project lead',
      counsellor: 'Counsellor',
      partner: 'Partner',
      dpo: 'Data protection officer',
    },
    totpTitle: 'Second factor',
    totp: (required) =>
      required
        ? 'The organisation requires a second factor (TOTP) for all staff.'
        : 'A second factor (TOTP) is available to staff but not required by the organisation.',
    totpPartners: 'Partners always log in with a second factor.',
    auditTitle: 'Audit log',
    audit: (period) => [
      'Every read and change of personal data is recorded with person, time and occasion; the log cannot be changed (database trigger); only the deletion job removes entries: those past their period and those of an anonymised case, which its proof of deletion replaces.',
      `The log is kept for ${period}.`,
      "The administrator sees no clients' names in the log; only the data protection officer can look a person up.",
    ],
    backupTitle: 'Backup',
    backup: [
      'Backup of the running installation as an archive with a manifest and checksums of every table and file; restoring checks every checksum.',
      'On PostgreSQL: pg_dump / pg_restore as the operations guide says.',
    ],
    deletionTitle: 'Deletion',
    deletion: (notice) => [
      'Cases are anonymised once every retention class has run out; what reports need stays, without personal data.',
      `Before that they are listed for the data protection officer for ${notice} days; a legal hold stops them.`,
      'Every deletion leaves a proof of deletion without personal data.',
      'A run cut off in the middle leaves no half-deleted person: each person is anonymised in one transaction, files are removed by the next run at the latest.',
      "Superseded row versions stay in the database's files and write-ahead log until PostgreSQL reuses the space; backups hold the data until they are rotated.",
    ],
    pseudonymTitle: 'Pseudonymisation and data minimisation',
    pseudonym: [
      "Case briefs for conferences are pseudonymised by default; names only where a consent says 'identified' for the institution.",
      'Reports hide small cells (fewer than 5 persons).',
    ],
  },
  consentForms: {
    title: 'Consent forms',
    intro:
      'The texts of the printable consent per language. The version is a fingerprint of the text and changes with every change.',
    language: { de: 'German', en: 'English' },
    version: 'Version',
    purposes: 'Purposes',
    categories: 'Data categories',
    information: 'Information',
  },
};

export const paperworkTexts = { de, en };
