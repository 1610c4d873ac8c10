#!/usr/bin/env node
// German and English must be complete: the same namespaces and keys in both, and every key the code
// names exists in the namespace it is looked up in.
//
// Layout: the `common` namespace is src/web/ui/i18n/{de,en}.json; each domain folder has its own,
// named like the folder (src/web/<domain>/i18n/{de,en}.json), and so may a part of a domain
// (src/web/portal/commitments/i18n is `portalCommitments`). A file looks keys up in its folder's
// namespace, then in common (ui/, app/ and lib/ use common); `ns:key` names another namespace.
// Keys handed to shared components as data (spec labels and help texts, navigation items) are
// translated there, in common: they must be common keys or name their namespace.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const web = path.join(root, 'src/web');
const languages = ['de', 'en'];
const flatten = (obj, prefix = '') =>
  Object.entries(obj).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? flatten(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
const base = (k) => k.replace(/_(one|other|zero|two|few|many)$/, '');
const problems = [];

/** namespace → language → its keys */
const texts = new Map();
const read = (namespace, dir) => {
  const byLanguage = {};
  for (const lang of languages) {
    const file = path.join(dir, `${lang}.json`);
    byLanguage[lang] = fs.existsSync(file)
      ? new Set(flatten(JSON.parse(fs.readFileSync(file, 'utf8'))))
      : null;
    if (!byLanguage[lang]) problems.push(`${path.relative(root, file)} is missing`);
  }
  texts.set(namespace, byLanguage);
};
read('common', path.join(web, 'ui/i18n'));
/** A part of a domain with texts of its own (src/web/portal/commitments/i18n) is `portalCommitments`. */
const partNamespace = (domain, part) => `${domain}${part.charAt(0).toUpperCase()}${part.slice(1)}`;
for (const e of fs.readdirSync(web, { withFileTypes: true })) {
  if (!e.isDirectory() || e.name === 'ui') continue;
  if (fs.existsSync(path.join(web, e.name, 'i18n'))) read(e.name, path.join(web, e.name, 'i18n'));
  for (const p of fs.readdirSync(path.join(web, e.name), { withFileTypes: true }))
    if (p.isDirectory() && fs.existsSync(path.join(web, e.name, p.name, 'i18n')))
      read(partNamespace(e.name, p.name), path.join(web, e.name, p.name, 'i18n'));
}

const known = new Map();
for (const [namespace, byLanguage] of texts) {
  const [de, en] = [byLanguage.de ?? new Set(), byLanguage.en ?? new Set()];
  for (const k of de) if (!en.has(k)) problems.push(`${namespace}: en lacks ${k}`);
  for (const k of en) if (!de.has(k)) problems.push(`${namespace}: de lacks ${k}`);
  known.set(namespace, new Set([...en].map(base)));
}

function* files(d) {
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const full = path.join(d, e.name);
    if (e.isDirectory()) yield* files(full);
    else if (/\.tsx?$/.test(e.name)) yield full;
  }
}
/** The namespace a file looks keys up in: its domain part's, its domain folder's, or common. */
const namespaceOf = (file) => {
  const [folder, part] = path.relative(web, file).split(path.sep);
  if (part && known.has(partNamespace(folder, part))) return partNamespace(folder, part);
  return known.has(folder) ? folder : 'common';
};
/** Whether `key` (or, for a template, some key starting with it) exists where it is looked up. */
function exists(key, namespaces, isPrefix = false) {
  const [, named, rest] = /^(?:(\w+):)?(.*)$/.exec(key);
  const where = named ? [named] : namespaces;
  return where.some((ns) => {
    const keys = known.get(ns);
    if (!keys) return false;
    return isPrefix ? [...keys].some((k) => k.startsWith(rest)) : keys.has(rest);
  });
}

for (const file of files(web)) {
  const text = fs.readFileSync(file, 'utf8');
  const at = path.relative(root, file);
  const own = [namespaceOf(file), 'common'];
  // t('a.b'), t('ns:a.b'), i18n.t('a.b')
  for (const [, key] of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.:]+)'/g))
    if (!exists(key, own)) problems.push(`${at}: missing key ${key}`);
  // t(`a.b.${x}`): some key must start with the fixed part.
  for (const [, prefix] of text.matchAll(/\bt\(\s*`([a-zA-Z0-9_.:]+)\$\{/g))
    if (!exists(prefix, own, true)) problems.push(`${at}: no key starts with ${prefix}`);
  // Keys handed over as data are translated by shared components, in common.
  for (const [, key] of text.matchAll(/\b(?:label|hint|help): '([a-z][a-zA-Z0-9_]*[.:][a-zA-Z0-9_.:]+)'/g))
    if (!exists(key, ['common']))
      problems.push(`${at}: missing key ${key} (handed over: name its namespace)`);
  // Navigation items name their texts after their path: nav.<name> and home:home.cards.<name>.
  for (const [, to] of text.matchAll(/\bitem\('(\/[a-z/]*)'/g)) {
    const name = to.slice(to.lastIndexOf('/') + 1) || 'home';
    for (const key of [`nav.${name}`, `home:home.cards.${name}`])
      if (!exists(key, ['common'])) problems.push(`${at}: missing key ${key} (navigation item ${to})`);
  }
  // Spec labels are <prefix>.<name>, made by a helper from specField('<prefix>').
  for (const [, helper, prefix] of text.matchAll(/const (\w+) = specField\('([a-zA-Z0-9_.:]+)'\)/g)) {
    for (const [, name] of text.matchAll(new RegExp(`\\b${helper}\\('([a-zA-Z]+)'`, 'g')))
      if (!exists(`${prefix}.${name}`, ['common']))
        problems.push(`${at}: missing key ${prefix}.${name} (handed over: name its namespace)`);
  }
  // Enum groups named in the code exist (their values are checked by eye and by the browser tests).
  for (const [, a, b] of text.matchAll(
    /(?:enumLabel|enumOptions)\(t, '([a-zA-Z]+)'|enumGroup: '([a-zA-Z]+)'/g,
  )) {
    const group = a ?? b;
    if (!exists(`enums.${group}.`, ['common'], true)) problems.push(`${at}: missing enum group ${group}`);
  }
}
if (problems.length) {
  console.error([...new Set(problems)].join('\n'));
  process.exit(1);
}
const count = [...texts.values()].reduce((n, t) => n + (t.en?.size ?? 0), 0);
console.log(`i18n: ok (${count} keys in each language, ${texts.size} namespaces)`);
