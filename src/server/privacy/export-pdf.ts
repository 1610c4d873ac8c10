/**
 * The Art. 15 export as a PDF the person can read, in their form language (German or English):
 * every section of the export, each row's fields as label and value, the audit trail as a table.
 * Field names without a label of their own are shown as written in the data (data.json has them too).
 */
import type { Language } from '../../contracts/common';
import { pageDefaults, renderPdf } from '../lib/pdf';
import type { AccessExport, ExportRow } from './access-export';

type Texts = Record<string, string>;

const sections: Record<Language, Texts> = {
  de: {
    title: 'Auskunft nach Art. 15 DSGVO',
    intro:
      'Diese Auskunft enthält alle Daten, die {{org}} in Lotse über Sie gespeichert hat, wem davon etwas weitergegeben wurde und wer in der Organisation Ihre Daten gelesen oder geändert hat. Die maschinenlesbare Fassung (data.json) und Ihre Dokumente liegen dieser Datei bei.',
    generated: 'Erstellt am',
    person: 'Ihre Angaben',
    residence_statuses: 'Aufenthalt',
    qualifications: 'Qualifikationen',
    work_experience: 'Berufserfahrung',
    language_skills: 'Sprachkenntnisse',
    recognition_procedures: 'Anerkennungsverfahren',
    objectives: 'Ziele',
    next_steps: 'Nächste Schritte',
    contacts: 'Beratungskontakte',
    stageHistory: 'Verlauf des Falls',
    measures: 'Maßnahmen',
    offers: 'Angebote von Arbeitgebern',
    documents: 'Dokumente',
    consents: 'Einwilligungen',
    disclosures: 'Weitergaben an Institutionen',
    nominations: 'Fallkonferenzen',
    inputs: 'Schriftliche Beiträge zu Fallkonferenzen',
    entries: 'Notizen aus Fallkonferenzen',
    minutes: 'Protokolle der Fallkonferenzen',
    commitments: 'Zusagen von Institutionen',
    requests: 'Ihre Anträge nach DSGVO',
    auditTrail: 'Wer Ihre Daten gelesen oder geändert hat',
    none: 'Keine Einträge.',
    when: 'Wann',
    who: 'Wer',
    what: 'Was',
    detail: 'Einzelheiten',
  },
  en: {
    title: 'Access to personal data (Art. 15 GDPR)',
    intro:
      'This report holds all data {{org}} keeps about you in Lotse, what of it was passed to whom, and who in the organisation read or changed your data. The machine-readable version (data.json) and your documents come with this file.',
    generated: 'Generated on',
    person: 'Your details',
    residence_statuses: 'Residence',
    qualifications: 'Qualifications',
    work_experience: 'Work experience',
    language_skills: 'Language skills',
    recognition_procedures: 'Recognition procedures',
    objectives: 'Objectives',
    next_steps: 'Next steps',
    contacts: 'Counselling contacts',
    stageHistory: 'Course of the case',
    measures: 'Measures',
    offers: "Employers' offers",
    documents: 'Documents',
    consents: 'Consents',
    disclosures: 'Disclosures to institutions',
    nominations: 'Case conferences',
    inputs: 'Written input to case conferences',
    entries: 'Notes from case conferences',
    minutes: 'Minutes of case conferences',
    commitments: 'Commitments of institutions',
    requests: 'Your requests under the GDPR',
    auditTrail: 'Who read or changed your data',
    none: 'No entries.',
    when: 'When',
    who: 'Who',
    what: 'What',
    detail: 'Details',
  },
};

/** Labels of the fields most rows have; the rest keep their data name. */
const fields: Record<Language, Texts> = {
  de: {
    case_code: 'Fallnummer',
    given_names: 'Vornamen',
    family_name: 'Familienname',
    birth_date: 'Geburtsdatum',
    email: 'E-Mail',
    phone: 'Telefon',
    street: 'Straße',
    postcode: 'Postleitzahl',
    city: 'Ort',
    owner: 'Zuständige Beratung',
    recipient_name: 'Empfänger',
    purpose: 'Zweck',
    purposes: 'Zwecke',
    data_categories: 'Datenkategorien',
    consent_id: 'Einwilligung',
    consent_given_on: 'Einwilligung erteilt am',
    at: 'Zeitpunkt',
    by: 'durch',
    given_on: 'Erteilt am',
    valid_until: 'Gültig bis',
    withdrawn_at: 'Widerrufen am',
    created_at: 'Angelegt am',
    updated_at: 'Geändert am',
    notes: 'Notizen',
    summary: 'Zusammenfassung',
    text: 'Text',
    filename: 'Dateiname',
    status: 'Status',
  },
  en: {
    case_code: 'Case number',
    given_names: 'Given names',
    family_name: 'Family name',
    birth_date: 'Date of birth',
    email: 'E-mail',
    phone: 'Phone',
    street: 'Street',
    postcode: 'Postcode',
    city: 'City',
    owner: 'Counsellor in charge',
    recipient_name: 'Recipient',
    purpose: 'Purpose',
    purposes: 'Purposes',
    data_categories: 'Data categories',
    consent_id: 'Consent',
    consent_given_on: 'Consent given on',
    at: 'Time',
    by: 'by',
    given_on: 'Given on',
    valid_until: 'Valid until',
    withdrawn_at: 'Withdrawn at',
    created_at: 'Created at',
    updated_at: 'Changed at',
    notes: 'Notes',
    summary: 'Summary',
    text: 'Text',
    filename: 'File name',
    status: 'Status',
  },
};

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
/** Ids, versions and who-columns say nothing to the reader; data.json keeps them. */
const HIDDEN = /(^id$|_id$|_ids$|^version$|_by$|^history$|^sha256$)/;

function formatter(language: Language) {
  const dateTime = new Intl.DateTimeFormat(language === 'de' ? 'de-DE' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Berlin',
  });
  return (value: unknown): string => {
    if (value === null || value === undefined || value === '') return '';
    if (Array.isArray(value))
      return value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(', ');
    if (typeof value === 'object') return JSON.stringify(value);
    if (typeof value === 'boolean') return language === 'de' ? (value ? 'ja' : 'nein') : value ? 'yes' : 'no';
    const s = String(value);
    return TIMESTAMP.test(s) ? dateTime.format(new Date(s)) : s;
  };
}

export function exportPdf(data: AccessExport, language: Language): Promise<Buffer> {
  const t = sections[language];
  const label = fields[language];
  const format = formatter(language);
  const block = (row: ExportRow) => ({
    stack: Object.entries(row)
      .filter(([k, v]) => !HIDDEN.test(k) && format(v) !== '')
      .map(([k, v]) => ({ text: [{ text: `${label[k] ?? k}: `, bold: true }, format(v)] })),
    margin: [0, 0, 0, 8],
  });
  const section = (key: string, rows: ExportRow[]) => [
    { text: t[key] ?? key, style: 'h2' },
    ...(rows.length ? rows.map(block) : [{ text: t.none, italics: true, margin: [0, 0, 0, 8] }]),
  ];
  const trail = data.auditTrail.map((a) => [
    format(a.at),
    [a.who, a.institution].filter(Boolean).join(' · '),
    String(a.action ?? ''),
    a.details ? format(a.details) : '',
  ]);
  const content = [
    { text: t.title, style: 'h1' },
    { text: (t.intro ?? '').replace('{{org}}', data.organisation), margin: [0, 0, 0, 6] },
    { text: `${t.generated}: ${format(data.generatedAt)}`, margin: [0, 0, 0, 12] },
    ...section('person', [data.person]),
    ...Object.entries(data.caseFile).flatMap(([k, rows]) => section(k, rows)),
    ...section('stageHistory', data.stageHistory),
    ...section('measures', data.measures),
    ...section('offers', data.offers),
    ...section('documents', data.documents),
    ...section('consents', data.consents),
    ...section('disclosures', data.disclosures),
    ...Object.entries(data.conferences).flatMap(([k, rows]) => section(k, rows)),
    ...section('commitments', data.commitments),
    ...section('requests', data.requests),
    { text: t.auditTrail, style: 'h2' },
    trail.length
      ? {
          table: {
            headerRows: 1,
            widths: [80, 100, 100, '*'],
            body: [[t.when, t.who, t.what, t.detail].map((h) => ({ text: h, bold: true })), ...trail],
          },
          layout: 'lightHorizontalLines',
          fontSize: 8,
        }
      : { text: t.none, italics: true },
  ];
  return renderPdf({
    ...pageDefaults,
    info: { title: t.title },
    content,
    styles: {
      h1: { fontSize: 16, bold: true, margin: [0, 0, 0, 8] },
      h2: { fontSize: 12, bold: true, margin: [0, 10, 0, 4] },
    },
  });
}
