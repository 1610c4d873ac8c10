import { createHash } from 'node:crypto';
import {
  type ConsentFormQuery,
  consentPurposes,
  dataCategories,
  type PrintLanguage,
} from '../../contracts/consent';
import { loadCase } from '../clients/service';
import type { AppContext } from '../context';
import type { Actor } from '../lib/actor';
import { audit } from '../lib/audit';
import { pageDefaults, pdfDownload, renderPdf } from '../lib/pdf';

/** The form in each language of `consentFormLanguages`: a language added there needs its text here. */
const texts = {
  de: {
    title: 'Einwilligung in die Verarbeitung und Weitergabe personenbezogener Daten',
    intro: (org: string) => `gegenüber ${org}`,
    person: 'Angaben zur Person',
    name: 'Name',
    born: 'Geburtsdatum',
    code: 'Fallnummer',
    purposesTitle: 'Ich willige ein, dass meine Daten für folgende Zwecke verarbeitet werden:',
    purposes: {
      counselling_record: 'Dokumentation meiner Beratung (Fallakte)',
      conference_sharing:
        'Besprechung meines Falls in Geberkonferenzen mit den unten genannten Institutionen',
      institution_sharing: 'Weitergabe an die unten genannten Institutionen',
      employer_profile: 'Weitergabe meines Qualifikationsprofils an die unten genannten Arbeitgeber',
    } as Record<string, string>,
    scope: {
      pseudonymised: 'ohne meinen Namen (pseudonymisiert)',
      identified: 'mit meinem Namen und Kontaktdaten',
    } as Record<string, string>,
    scopeLabel: 'Umfang der Weitergabe',
    recipients: 'Empfangende Institutionen / Arbeitgeber',
    none: '– keine –',
    categoriesTitle: 'Datenkategorien, die weitergegeben werden dürfen:',
    categories: {
      identity: 'Name, Geburtsdatum, Staatsangehörigkeit',
      contact: 'Kontaktdaten',
      qualifications: 'Ausländische Qualifikationen und Berufserfahrung',
      recognition: 'Anerkennungsverfahren und Bescheide',
      language: 'Sprachkenntnisse',
      employment: 'Derzeitige Beschäftigung',
      residence: 'Aufenthaltsstatus und Arbeitserlaubnis',
      benefits: 'Leistungsbezug (Sozialdaten)',
      health: 'Gesundheitsangaben (besondere Kategorie)',
    } as Record<string, string>,
    information: [
      'Die Einwilligung ist freiwillig. Wenn Sie sie nicht erteilen, entstehen Ihnen daraus keine Nachteile in der Beratung; Ihr Fall kann dann nur ohne Ihren Namen (anonym) besprochen werden.',
      'Sie können die Einwilligung jederzeit ohne Angabe von Gründen für die Zukunft widerrufen, mündlich oder schriftlich bei Ihrer Beraterin / Ihrem Berater. Stellen, die bereits Daten erhalten haben, werden über den Widerruf informiert.',
      'Öffentliche Stellen (z. B. Jobcenter, Agentur für Arbeit) sind gesetzlich verpflichtet, bestimmte Tatsachen der Ausländerbehörde mitzuteilen.',
      'Sie haben das Recht auf Auskunft, Berichtigung und Löschung Ihrer Daten sowie auf Beschwerde bei der zuständigen Datenschutzaufsicht.',
    ],
    validUntil: 'Gültig bis',
    place: 'Ort, Datum',
    signature: 'Unterschrift',
    interpreter: 'Übersetzt / erläutert durch (Name, Sprache)',
  },
  en: {
    title: 'Consent to the processing and sharing of personal data',
    intro: (org: string) => `given to ${org}`,
    person: 'Person',
    name: 'Name',
    born: 'Date of birth',
    code: 'Case number',
    purposesTitle: 'I consent to my data being processed for the following purposes:',
    purposes: {
      counselling_record: 'Recording my counselling (case file)',
      conference_sharing: 'Discussing my case in donor conferences with the institutions named below',
      institution_sharing: 'Passing my data to the institutions named below',
      employer_profile: 'Passing my qualification profile to the employers named below',
    } as Record<string, string>,
    scope: {
      pseudonymised: 'without my name (pseudonymised)',
      identified: 'with my name and contact details',
    } as Record<string, string>,
    scopeLabel: 'Extent of sharing',
    recipients: 'Receiving institutions / employers',
    none: '– none –',
    categoriesTitle: 'Categories of data that may be shared:',
    categories: {
      identity: 'Name, date of birth, citizenship',
      contact: 'Contact details',
      qualifications: 'Foreign qualifications and work experience',
      recognition: 'Recognition procedures and decisions',
      language: 'Language skills',
      employment: 'Current employment',
      residence: 'Residence status and work permission',
      benefits: 'Benefits received (social data)',
      health: 'Health information (special category)',
    } as Record<string, string>,
    information: [
      'Consent is voluntary. If you do not give it, your counselling will not suffer; your case can then only be discussed without your name (anonymously).',
      'You can withdraw your consent at any time without giving reasons, with effect for the future, orally or in writing to your counsellor. Bodies that have already received data will be told of the withdrawal.',
      'Public bodies (e.g. the job centre, the employment agency) are required by law to report certain facts to the immigration authority.',
      'You have the right to access, correct and erase your data, and to complain to the data protection supervisory authority.',
    ],
    validUntil: 'Valid until',
    place: 'Place, date',
    signature: 'Signature',
    interpreter: 'Translated / explained by (name, language)',
  },
} satisfies Record<PrintLanguage, unknown>;

/** The form's texts in a language, for the dpo's paperwork (privacy/paperwork.ts). */
export const consentFormTexts = (language: PrintLanguage) => texts[language];

/**
 * The version of a language's form: a fingerprint of its words, so that any change of the text
 * is a new version without anyone remembering to count.
 */
export function consentFormVersion(language: PrintLanguage): string {
  const t = texts[language];
  const words = JSON.stringify({ ...t, intro: t.intro('{organisation}') });
  return createHash('sha256').update(words).digest('hex').slice(0, 12);
}

const box = (checked: boolean) => (checked ? '[X]' : '[   ]');

/** The form's query as sent by a link: one or several purposes, recipients separated by ";". */
function formOptions(q: ConsentFormQuery) {
  return {
    language: q.language,
    purposes: q.purposes === undefined ? [] : Array.isArray(q.purposes) ? q.purposes : [q.purposes],
    institutions: (q.institutions ?? '')
      .split(';')
      .map((s) => s.trim())
      .filter(Boolean),
    scope: q.scope,
  };
}

export async function consentFormPdf(
  ctx: AppContext,
  actor: Actor,
  clientId: string,
  query: ConsentFormQuery,
) {
  const { row } = await loadCase(ctx.db, actor, clientId);
  const options = formOptions(query);
  const t = texts[options.language];
  const name = `${row.givenNames} ${row.familyName}`;
  const original = [row.givenNamesOriginal, row.familyNameOriginal].filter(Boolean).join(' ');
  const birth = row.birthDate
    ? new Date(`${row.birthDate}T00:00:00Z`).toLocaleDateString(
        options.language === 'de' ? 'de-DE' : 'en-GB',
        { timeZone: 'UTC' },
      )
    : '';
  const line = (label: string) => ({
    columns: [
      { width: 200, text: label, color: '#555' },
      { text: '_____________________________________________' },
    ],
    margin: [0, 14, 0, 0],
  });
  const doc = {
    info: { title: t.title, creator: 'Lotse' },
    ...pageDefaults,
    content: [
      { text: t.title, fontSize: 15, bold: true },
      { text: t.intro(actor.organisationName), margin: [0, 2, 0, 12], color: '#555' },
      { text: t.person, bold: true, margin: [0, 0, 0, 4] },
      {
        table: {
          widths: [120, '*'],
          body: [
            [t.name, original ? `${name} (${original})` : name],
            [t.born, birth],
            [t.code, row.caseCode],
          ],
        },
        layout: 'lightHorizontalLines',
      },
      { text: t.purposesTitle, bold: true, margin: [0, 14, 0, 4] },
      ...consentPurposes.map((p) => ({
        text: `${box(options.purposes.includes(p))}  ${t.purposes[p]}`,
        margin: [0, 2, 0, 0],
      })),
      { text: `${t.scopeLabel}: ${t.scope[options.scope]}`, margin: [0, 8, 0, 0] },
      { text: t.recipients, bold: true, margin: [0, 12, 0, 4] },
      options.institutions.length ? { ul: options.institutions } : { text: t.none, color: '#555' },
      { text: t.categoriesTitle, bold: true, margin: [0, 12, 0, 4] },
      {
        columns: [0, 1].map((col) => ({
          stack: dataCategories
            .filter((_, i) => i % 2 === col)
            .map((c) => ({ text: `${box(false)}  ${t.categories[c]}`, margin: [0, 2, 0, 0] })),
        })),
      },
      { ul: t.information, margin: [0, 14, 0, 0], fontSize: 9, color: '#333' },
      line(t.validUntil),
      line(t.place),
      line(t.signature),
      line(t.interpreter),
    ],
  };
  const buffer = await renderPdf(doc);
  await audit(ctx.db, actor, {
    action: 'consent.form_printed',
    entityType: 'client',
    entityId: clientId,
    subjectClientId: clientId,
    details: { language: options.language },
  });
  return pdfDownload(buffer, `${options.language === 'de' ? 'Einwilligung' : 'Consent'}-${row.caseCode}.pdf`);
}
