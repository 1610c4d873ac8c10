#!/usr/bin/env node
// German and English must be complete: the same keys in both, and every key the code names exists.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const dir = path.join(root, 'src/web/ui/i18n');
const flatten = (obj, prefix = '') =>
  Object.entries(obj).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? flatten(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
const de = new Set(flatten(JSON.parse(fs.readFileSync(path.join(dir, 'de.json'), 'utf8'))));
const en = new Set(flatten(JSON.parse(fs.readFileSync(path.join(dir, 'en.json'), 'utf8'))));
const base = (k) => k.replace(/_(one|other|zero|two|few|many)$/, '');
const problems = [];
for (const k of de) if (!en.has(k)) problems.push(`en.json lacks ${k}`);
for (const k of en) if (!de.has(k)) problems.push(`de.json lacks ${k}`);
const known = new Set([...en].map(base));

function* files(d) {
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const full = path.join(d, e.name);
    if (e.isDirectory()) yield* files(full);
    else if (/\.tsx?$/.test(e.name)) yield full;
  }
}
// Static keys: t('a.b'), label: 'a.b' in specs, i18n keys in navigation.
const patterns = [
  /\bt\(\s*'([a-zA-Z0-9_.]+)'/g,
  /\b(?:label|hint|title|addLabel|emptyText|help): '([a-z][a-zA-Z0-9_]*\.[a-zA-Z0-9_.]+)'/g,
];
for (const file of files(path.join(root, 'src/web'))) {
  const text = fs.readFileSync(file, 'utf8');
  for (const re of patterns) {
    for (const [, key] of text.matchAll(re)) {
      if (!known.has(key)) problems.push(`${path.relative(root, file)}: missing key ${key}`);
    }
  }
}
// Spec field labels are built as <prefix>.<name> by a helper made with specField('<prefix>').
for (const file of files(path.join(root, 'src/web'))) {
  const text = fs.readFileSync(file, 'utf8');
  for (const [, helper, prefix] of text.matchAll(/const (\w+) = specField\('([a-zA-Z.]+)'\)/g)) {
    for (const [, name] of text.matchAll(new RegExp(`\\b${helper}\\('([a-zA-Z]+)'`, 'g'))) {
      if (!known.has(`${prefix}.${name}`)) problems.push(`missing key ${prefix}.${name}`);
    }
  }
}
// Enum groups named in the code exist (their values are checked by eye and by the browser tests).
for (const file of files(path.join(root, 'src/web'))) {
  const text = fs.readFileSync(file, 'utf8');
  for (const [, group] of text.matchAll(
    /(?:enumLabel|enumOptions)\(t, '([a-zA-Z]+)'|enumGroup: '([a-zA-Z]+)'/g,
  )) {
    if (group && ![...known].some((k) => k.startsWith(`enums.${group}.`)))
      problems.push(`${path.relative(root, file)}: missing enum group ${group}`);
  }
}
if (problems.length) {
  console.error([...new Set(problems)].join('\n'));
  process.exit(1);
}
console.log(`i18n: ok (${en.size} keys in each language)`);
