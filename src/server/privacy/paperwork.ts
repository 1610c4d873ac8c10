/**
 * The dpo's paperwork, generated from the organisation's real configuration at each request: the
 * record of processing activities, the technical and organisational measures and the consent
 * forms' texts with their versions. One document model, written out as PDF or as Markdown the dpo
 * edits; German or English. Each download is audited (`privacy.paperwork_exported`).
 */
import { and, asc, eq } from 'drizzle-orm';
import { caseFile } from '../../contracts/casefile';
import type { Language } from '../../contracts/common';
import { consentFormLanguages, consentPurposes, dataCategories } from '../../contracts/consent';
import type { PrivacyFramework } from '../../contracts/privacy';
import { retentionClasses } from '../../contracts/privacy';
import type { PaperworkDocument, PaperworkQuery } from '../../contracts/privacy-workspace';
import { consentFormTexts, consentFormVersion } from '../consent/service';
import type { AppContext } from '../context';
import { institutions, organisations } from '../db/schema';
import { assertCan, permissionTable } from '../lib/access';
import type { Actor } from '../lib/actor';
import { audit } from '../lib/audit';
import { pageDefaults, pdfDownload, renderPdf } from '../lib/pdf';
import { legalBases, paperworkTexts, processingPurposes } from './paperwork-texts';
import { rulesOf, settingsRowOf } from './service';

/** A document as blocks, so that the PDF and the Markdown say the same. */
type Block =
  | { h: string }
  | { p: string }
  | { ul: string[] }
  | { table: { head: string[]; rows: string[][] } };
interface Doc {
  title: string;
  blocks: Block[];
}

async function configurationOf(ctx: AppContext, actor: Actor) {
  const [settings, rules, [org], directory] = await Promise.all([
    settingsRowOf(ctx.db, actor.organisationId),
    rulesOf(ctx.db, actor.organisationId),
    ctx.db
      .select({ name: organisations.name, requireTotp: organisations.requireTotp })
      .from(organisations)
      .where(eq(organisations.id, actor.organisationId)),
    ctx.db
      .select({ type: institutions.type, name: institutions.name })
      .from(institutions)
      .where(and(eq(institutions.organisationId, actor.organisationId), eq(institutions.active, true)))
      .orderBy(asc(institutions.type), asc(institutions.name)),
  ]);
  return {
    settings,
    rules,
    name: org?.name ?? actor.organisationName,
    requireTotp: org?.requireTotp ?? false,
    directory,
    framework: settings.framework as PrivacyFramework,
  };
}
type Configuration = Awaited<ReturnType<typeof configurationOf>>;

function header(c: Configuration, lang: Language): Block[] {
  const L = paperworkTexts[lang];
  const at = new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', {
    dateStyle: 'long',
    timeZone: 'Europe/Berlin',
  }).format(new Date());
  return [{ p: L.generated(c.name, at) }, { p: L.editNote }];
}

function retentionTable(c: Configuration, lang: Language): Block {
  const L = paperworkTexts[lang];
  return {
    table: {
      head: [L.record.class, L.record.period, L.record.from],
      rows: retentionClasses.map((k) => [
        L.classes[k],
        L.months(c.rules[k].months),
        L.startEvents[c.rules[k].startEvent],
      ]),
    },
  };
}

function processingRecord(c: Configuration, lang: Language): Doc {
  const L = paperworkTexts[lang];
  const bases = legalBases(c.framework, lang);
  const form = consentFormTexts(lang);
  const byType = new Map<string, string[]>();
  for (const i of c.directory) byType.set(i.type, [...(byType.get(i.type) ?? []), i.name]);
  return {
    title: `${L.record.title} (${L.recordArticle[c.framework]})`,
    blocks: [
      ...header(c, lang),
      {
        table: {
          head: ['', ''],
          rows: [
            [L.record.controller, c.settings.controller?.trim() || c.name],
            [L.record.dpo, c.settings.dpoContact?.trim() || L.notSet],
            [L.record.framework, L.frameworkName[c.framework]],
          ],
        },
      },
      { h: L.record.purposesTitle },
      {
        table: {
          head: [L.record.purpose, L.record.basis],
          rows: processingPurposes.map((p) => [L.purposes[p], bases[p]]),
        },
      },
      { h: L.record.personsTitle },
      { ul: L.record.persons },
      { h: L.record.dataTitle },
      { p: L.record.consentCategories },
      { ul: dataCategories.map((k) => form.categories[k] ?? k) },
      { p: L.record.caseSections },
      // The timeline is drawn from the other parts, not a part of its own.
      {
        ul: Object.keys(caseFile.shape)
          .filter((k) => k !== 'timeline')
          .map((k) => L.sections[k] ?? k),
      },
      { p: L.record.staffData },
      { h: L.record.recipientsTitle },
      { p: L.record.recipientsNote },
      byType.size === 0
        ? { p: L.none }
        : {
            table: {
              head: [L.record.type, L.record.names],
              rows: [...byType].map(([type, names]) => [L.institutionTypes[type] ?? type, names.join(', ')]),
            },
          },
      { p: L.record.thirdCountry },
      { h: L.record.retentionTitle },
      retentionTable(c, lang),
      { p: L.record.tomsRef },
    ],
  };
}

function measures(c: Configuration, lang: Language, idleMinutes: number): Doc {
  const L = paperworkTexts[lang];
  const T = L.toms;
  const table = permissionTable();
  const audit = c.rules.audit;
  return {
    title: T.title,
    blocks: [
      ...header(c, lang),
      { h: T.encryption },
      { ul: T.encryptionItems(idleMinutes) },
      { h: T.rolesTitle },
      { p: T.rolesNote },
      {
        table: {
          head: [T.permission, T.roles],
          rows: Object.entries(table).map(([permission, roles]) => [
            permission,
            roles.map((r) => T.roleNames[r] ?? r).join(', '),
          ]),
        },
      },
      { h: T.totpTitle },
      { ul: [T.totp(c.requireTotp), T.totpPartners] },
      { h: T.auditTitle },
      { ul: T.audit(L.months(audit.months)) },
      { h: T.backupTitle },
      { ul: T.backup },
      { h: T.deletionTitle },
      { ul: T.deletion(c.settings.noticeDays) },
      retentionTable(c, lang),
      { h: T.pseudonymTitle },
      { ul: T.pseudonym },
    ],
  };
}

function consentForms(c: Configuration, lang: Language): Doc {
  const L = paperworkTexts[lang].consentForms;
  const blocks: Block[] = [...header(c, lang), { p: L.intro }];
  for (const form of Object.values(consentFormLanguages)) {
    const t = consentFormTexts(form);
    blocks.push(
      { h: `${L.language[form] ?? form} — ${L.version} ${consentFormVersion(form)}` },
      { p: `${t.title} ${t.intro(c.name)}` },
      { p: L.purposes },
      { ul: consentPurposes.map((p) => t.purposes[p] ?? p) },
      { p: `${t.scopeLabel}: ${Object.values(t.scope).join(' / ')}` },
      { p: L.categories },
      { ul: dataCategories.map((k) => t.categories[k] ?? k) },
      { p: L.information },
      { ul: t.information },
    );
  }
  return { title: L.title, blocks };
}

/** Markdown: a pipe in a cell would end it; a line break would end the row. */
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

export function toMarkdown(doc: Doc): string {
  const out = [`# ${doc.title}`, ''];
  for (const b of doc.blocks) {
    if ('h' in b) out.push(`## ${b.h}`, '');
    else if ('p' in b) out.push(b.p, '');
    else if ('ul' in b) out.push(...b.ul.map((x) => `- ${x}`), '');
    else {
      const { head, rows } = b.table;
      out.push(`| ${head.map(cell).join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`);
      out.push(...rows.map((r) => `| ${r.map(cell).join(' | ')} |`), '');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function toPdf(doc: Doc) {
  const content: unknown[] = [{ text: doc.title, fontSize: 16, bold: true, margin: [0, 0, 0, 8] }];
  for (const b of doc.blocks) {
    if ('h' in b) content.push({ text: b.h, fontSize: 13, bold: true, margin: [0, 12, 0, 4] });
    else if ('p' in b) content.push({ text: b.p, margin: [0, 2, 0, 4] });
    else if ('ul' in b) content.push({ ul: b.ul, margin: [0, 0, 0, 6] });
    else {
      const { head, rows } = b.table;
      const withHead = head.some(Boolean);
      content.push({
        table: {
          headerRows: withHead ? 1 : 0,
          widths: head.map((_, i) => (i === head.length - 1 ? '*' : 'auto')),
          body: [...(withHead ? [head.map((h) => ({ text: h, bold: true }))] : []), ...rows],
        },
        layout: 'lightHorizontalLines',
        margin: [0, 2, 0, 8],
      });
    }
  }
  return { info: { title: doc.title, creator: 'Lotse' }, ...pageDefaults, content };
}

const fileNames: Record<PaperworkDocument, Record<Language, string>> = {
  'processing-record': { de: 'Verzeichnis-Verarbeitungstaetigkeiten', en: 'Record-of-processing-activities' },
  measures: { de: 'Technische-organisatorische-Massnahmen', en: 'Technical-organisational-measures' },
  'consent-forms': { de: 'Einwilligungsformulare', en: 'Consent-forms' },
};

export async function paperwork(
  ctx: AppContext,
  actor: Actor,
  document: PaperworkDocument,
  q: PaperworkQuery,
) {
  assertCan(actor, 'privacy.manage');
  const lang = q.lang ?? actor.language;
  const c = await configurationOf(ctx, actor);
  const doc =
    document === 'processing-record'
      ? processingRecord(c, lang)
      : document === 'measures'
        ? measures(c, lang, ctx.config.sessionIdleMinutes)
        : consentForms(c, lang);
  await audit(ctx.db, actor, {
    action: 'privacy.paperwork_exported',
    entityType: 'organisation',
    entityId: actor.organisationId,
    details: { document, format: q.format, lang },
  });
  const filename = `${fileNames[document][lang]}.${q.format}`;
  if (q.format === 'md') {
    const content = Buffer.from(toMarkdown(doc), 'utf8');
    return { content, filename, mimeType: 'text/markdown; charset=utf-8', size: content.length };
  }
  return pdfDownload(await renderPdf(toPdf(doc)), filename);
}
