/**
 * `npm run eval:indicators [-- --verbose] [--corpus corpus] [--fixture tests/eval/indicators-fixture.json]`:
 * precision and recall of the extracted indicator values against the hand-read fixture.
 */
import { parseArgs } from 'node:util';
import { evaluateIndicators, extractCorpusIndicators, loadIndicatorsFixture } from './indicators-eval.js';

const { values: args } = parseArgs({
  options: {
    corpus: { type: 'string', default: 'corpus' },
    fixture: { type: 'string', default: 'tests/eval/indicators-fixture.json' },
    verbose: { type: 'boolean', default: false },
  },
});

const fixture = await loadIndicatorsFixture(args.fixture);
const extracted = await extractCorpusIndicators(args.corpus);
const r = evaluateIndicators(fixture, extracted);
const pct = (x: number) => x.toFixed(3);
console.log(`Indicator values against ${args.fixture} (${r.fixtureRows} rows, ${r.fixtureValues} values)`);
console.log(`extracted ${r.extractedRows} rows, ${r.extractedValues} values; ${r.matchedRows} rows matched to the fixture (${r.judgedValues} values judged), ${r.unjudgedRows} rows the fixture does not cover; ${r.correctValues} values right`);
console.log(`precision ${pct(r.precision)}  recall ${pct(r.recall)}`);
console.log(`pages: ${r.pagesAgreeing} of ${r.pagesCompared} matched rows with a page on both sides agree`);
console.log(`units: ${r.unitsAgreeing} of ${r.matchedRows} matched rows agree; projects: ${r.projectsAgreeing} of ${r.matchedRows} read the same`);
console.log('\n| region | precision | recall | judged values | fixture values |\n|---|---|---|---|---|');
for (const [region, p] of Object.entries(r.perRegion)) {
  console.log(`| ${region} | ${pct(p.precision)} | ${pct(p.recall)} | ${p.extracted} | ${p.expected} |`);
}
if (args.verbose) {
  console.log('\nMissed fixture rows:');
  for (const m of r.missed) console.log(`  ${m.region} [${m.sector}] ${m.name} :: ${m.values.map((v) => v.raw).join(' ')}`);
  console.log('\nExtracted rows matching no fixture row:');
  for (const u of r.unmatched) console.log(`  ${u.regionId} [${u.sector}] ${u.name} :: ${u.values.map((v) => v.raw).join(' ')}`);
  console.log('\nMatched rows with wrong values:');
  for (const w of r.wrongValues) {
    console.log(`  ${w.fixture.region} ${w.fixture.name}\n    fixture ${w.fixture.values.map((v) => `${v.year}:${v.raw}`).join(' ')}\n    got     ${w.extracted.values.map((v) => `${v.year}:${v.raw}`).join(' ')} (${w.extracted.name})`);
  }
}
