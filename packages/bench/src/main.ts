import { resolve } from 'node:path';
import { classifyMessage, compileRules, decide, initialState, businessHoursInstant, type Engine, type InboundEvent } from '@kefu/core';
import { loadRulesDirectory } from '@kefu/cli';
import { HOLDOUT_PATH, readLabelled, score, type Labelled } from '@kefu/eval';
import { keywordBaseline } from './baselines/keyword.ts';
import { miniSearchBaseline } from './baselines/minisearch.ts';
import type { Classifier } from './classifier.ts';
import { generateFaqRules } from './generate-rules.ts';
import { measure, type Timing } from './measure.ts';

// `pnpm bench`: every figure comes from this one run, and speeds are reported as ratios to the
// keyword-loop baseline measured alongside, because these machines are noisy.
const root = resolve(import.meta.dirname, '../../..');
const loaded = await loadRulesDirectory(resolve(root, 'rules'));
if (loaded.kind === 'invalid') throw new Error(`default rules invalid: ${JSON.stringify(loaded.errors)}`);
const items = readLabelled();
const holdout = readLabelled(HOLDOUT_PATH);
const texts = items.map((i) => i.text);

function engineClassifier(engine: Engine, name: string): Classifier {
  return { name, classify: (text) => classifyMessage(engine, text) };
}

function accuracy(classifier: Classifier, set: readonly Labelled[] = items) {
  return score(set.map((item) => ({ item, got: { ...classifier.classify(item.text), ruleId: null, score: null, reasons: [] } })));
}

/** decide() itself, as the runtime calls it: a returning buyer mid-conversation. */
function decideTiming(engine: Engine): Timing {
  const now = businessHoursInstant(engine);
  const state = { ...initialState(), buyerMessages: 3, returning: true, greetedAt: now - 60_000 };
  const events: InboundEvent[] = texts.map((text, i) => ({ kind: 'buyer_message', id: `b${i}`, platform: 'taobao', shopId: 's', buyerId: 'b', at: now, text }));
  return measure(events, (event) => decide(event, state, engine, now));
}

function timeCompile(build: () => unknown): number {
  const t0 = process.hrtime.bigint();
  build();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

const defaults = loaded.engine;
const big = { ...defaults.rules, faq: [...defaults.rules.faq, ...generateFaqRules(2000)] };
let bigEngine = defaults;
const compileDefaultMs = timeCompile(() => compileRules(defaults.rules));
const compileBigMs = timeCompile(() => (bigEngine = compileRules(big)));

type Row = { name: string; rules: number; timing: Timing; classifier: Classifier };
const rows: Row[] = [];
const add = (classifier: Classifier, rules: number): void => {
  rows.push({ name: classifier.name, rules, timing: measure(texts, classifier.classify), classifier });
};
add(keywordBaseline(defaults.rules.faq), defaults.rules.faq.length);
add(miniSearchBaseline(defaults.rules.faq), defaults.rules.faq.length);
add(engineClassifier(defaults, 'kefu engine'), defaults.rules.faq.length);
add(keywordBaseline(big.faq), big.faq.length);
add(miniSearchBaseline(big.faq), big.faq.length);
add(engineClassifier(bigEngine, 'kefu engine'), big.faq.length);

const baselineFor = (rules: number): number => rows.find((r) => r.name === 'keyword loop' && r.rules === rules)?.timing.perSecond ?? 1;
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const f = (x: number, digits = 1): string => x.toFixed(digits);

const lines: string[] = [];
lines.push(`dev set: ${items.length} labelled messages; node ${process.version}; ${new Date().toISOString()}`);
lines.push('');
lines.push('| classifier | FAQ rules | p50 µs | p99 µs | msg/s | speed vs keyword loop | escalation P | escalation R | FAQ precision | FAQ coverage |');
lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const row of rows) {
  const acc = accuracy(row.classifier);
  lines.push(
    `| ${row.name} | ${row.rules} | ${f(row.timing.p50)} | ${f(row.timing.p99)} | ${Math.round(row.timing.perSecond)} | ${f(row.timing.perSecond / baselineFor(row.rules), 3)}× | ${pct(acc.escalation.precision)} | ${pct(acc.escalation.recall)} | ${pct(acc.faq.precision)} | ${pct(acc.faq.coverage)} |`,
  );
}
lines.push('');
lines.push(`Accuracy on the held-out set (${holdout.length} messages written blind to the rules; the dev set above is optimistic: the default FAQ examples and lexicon were written with it in view):`);
lines.push('');
lines.push('| classifier | FAQ rules | escalation P | escalation R | FAQ precision | FAQ coverage |');
lines.push('|---|---:|---:|---:|---:|---:|');
for (const row of rows.filter((r) => r.rules === defaults.rules.faq.length)) {
  const acc = accuracy(row.classifier, holdout);
  lines.push(`| ${row.name} | ${row.rules} | ${pct(acc.escalation.precision)} | ${pct(acc.escalation.recall)} | ${pct(acc.faq.precision)} | ${pct(acc.faq.coverage)} |`);
}
lines.push('');
const d1 = decideTiming(defaults);
const d2 = decideTiming(bigEngine);
lines.push('| decide() | FAQ rules | compile ms | p50 µs | p99 µs | decisions/s |');
lines.push('|---|---:|---:|---:|---:|---:|');
lines.push(`| default rules | ${defaults.rules.faq.length} | ${f(compileDefaultMs)} | ${f(d1.p50)} | ${f(d1.p99)} | ${Math.round(d1.perSecond)} |`);
lines.push(`| + 2,000 generated | ${big.faq.length} | ${f(compileBigMs)} | ${f(d2.p50)} | ${f(d2.p99)} | ${Math.round(d2.perSecond)} |`);
lines.push('');
lines.push(`2,000 rules cost ${f(d2.p50 / d1.p50, 2)}× the default rules' median decide() time.`);
console.log(lines.join('\n'));
