/**
 * Prints the kramdown parity score per construct class, and with `--diff`
 * the reader-visible differences of every document that differs (or of the
 * documents named after it); `--remark` renders with the `remark` parser.
 * Run after `pnpm build`: `node scripts/parity-report.ts [--diff] [--remark] [name…]`.
 */
import { compare, corpus, report } from '../test/kramdown/parity.ts';

const args = process.argv.slice(2);
const showDiff = args.includes('--diff');
const parser = args.includes('--remark') ? 'remark' : 'satteri';
const only = new Set(args.filter((arg) => !arg.startsWith('--')));
const results = [];
for (const document of corpus()) {
  if (only.size > 0 && !only.has(document.name)) continue;
  results.push(await compare(document, { parser }));
}
if (showDiff) {
  for (const result of results) {
    if (result.identical) continue;
    console.log(`--- ${result.document.name}`);
    console.log('  ours:');
    for (const line of result.ours) console.log(`    ${line}`);
    console.log('  kramdown:');
    for (const line of result.theirs) console.log(`    ${line}`);
  }
}
console.log(report(results));
console.log(
  `differing: ${results
    .filter((result) => !result.identical)
    .map((result) => result.document.name)
    .join(' ')}`,
);
