#!/usr/bin/env node
// A test reads as one behaviour a user relies on: no `it(…)`/`test(…)` block in the API or
// browser tests is longer than MAX_LINES, counted from the line of `it(` to the line that closes
// it. A longer one is split into tests that each assert one thing, or its arrange-steps move into
// the factories of src/server/testing. The TypeScript parser finds the blocks, so braces inside
// strings, template literals and comments cannot miscount them.
//
//   node scripts/check-tests.mjs            the test files of the project
//   node scripts/check-tests.mjs FILE…      only these files (to try the rule on one)
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const MAX_LINES = 60;
const root = path.resolve(import.meta.dirname, '..');
const roots = ['src/server', 'tests/e2e'];

function* testFiles(dir) {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* testFiles(full);
    else if (entry.name.endsWith('.test.ts')) yield full;
  }
}

/** `it`, `test`, `it.skip`, `it.runIf(x)`, `test.each(rows)`…: the leftmost name of the callee. */
function rootName(callee) {
  let node = callee;
  while (ts.isPropertyAccessExpression(node) || ts.isCallExpression(node)) node = node.expression;
  return ts.isIdentifier(node) ? node.text : undefined;
}

/** A test is a call of it/test that hands over the test's body as a function. */
function isTest(node) {
  return (
    ts.isCallExpression(node) &&
    ['it', 'test'].includes(rootName(node.expression)) &&
    node.arguments.some((a) => ts.isArrowFunction(a) || ts.isFunctionExpression(a))
  );
}

function longTests(file) {
  const text = fs.readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found = [];
  const visit = (node) => {
    if (isTest(node)) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line + 1;
      const length = last - first + 1;
      if (length > MAX_LINES) found.push({ line: first, length });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const args = process.argv.slice(2);
const files = args.length
  ? args.map((f) => path.resolve(f))
  : roots.flatMap((dir) => [...testFiles(path.join(root, dir))]);
const problems = files.flatMap((file) =>
  longTests(file).map(
    ({ line, length }) =>
      `${path.relative(root, file)}:${line}: test is ${length} lines long (at most ${MAX_LINES}); split it into tests of one behaviour each, or move its set-up into src/server/testing`,
  ),
);
if (problems.length) {
  console.error(problems.join('\n'));
  console.error(`check-tests: ${problems.length} test(s) longer than ${MAX_LINES} lines`);
  process.exit(1);
}
console.log(`check-tests: ${files.length} test files, no test longer than ${MAX_LINES} lines`);
