import { classifyMessage, compileRules, type Engine } from '@kefu/core';
import { score, type Labelled } from '@kefu/eval';
import { generateFaqRules } from '../generate-rules.ts';
import { fixed, pct, ratio, whole } from '../report/format.ts';
import { markdownTable } from '../report/markdown-table.ts';
import type { Section } from '../report/section.ts';
import { keywordBaseline } from './baselines/keyword.ts';
import { miniSearchBaseline } from './baselines/minisearch.ts';
import type { Classifier } from './classifier.ts';
import { decideTiming, timeOnce } from './decide-timing.ts';
import { measure, type Timing } from './measure.ts';

type Row = { name: string; rules: number; timing: Timing; classifier: Classifier };

const engineClassifier = (engine: Engine, name: string): Classifier => ({ name, classify: (text) => classifyMessage(engine, text) });

function accuracy(classifier: Classifier, set: readonly Labelled[]) {
  return score(set.map((item) => ({ item, got: { ...classifier.classify(item.text), ruleId: null, score: null, reasons: [] } })));
}

/**
 * The engine alone, in this process: classification speed and accuracy against a keyword-loop
 * baseline and MiniSearch over the same examples, and decide() with the default rules and with
 * 2,000 generated FAQ rules. Speeds are ratios to the keyword loop measured alongside.
 */
export function engineSection(defaults: Engine, dev: readonly Labelled[], holdout: readonly Labelled[]): Section {
  const texts = dev.map((i) => i.text);
  const big = { ...defaults.rules, faq: [...defaults.rules.faq, ...generateFaqRules(2000)] };
  let bigEngine = defaults;
  const compileDefaultMs = timeOnce(() => compileRules(defaults.rules));
  const compileBigMs = timeOnce(() => (bigEngine = compileRules(big)));

  const rows: Row[] = [];
  const add = (classifier: Classifier, rules: number) => rows.push({ name: classifier.name, rules, timing: measure(texts, classifier.classify), classifier });
  for (const [faq, engine] of [[defaults.rules.faq, defaults], [big.faq, bigEngine]] as const) {
    add(keywordBaseline(faq), faq.length);
    add(miniSearchBaseline(faq), faq.length);
    add(engineClassifier(engine, 'kefu engine'), faq.length);
  }
  const baseline = (rules: number) => rows.find((r) => r.name === 'keyword loop' && r.rules === rules)?.timing.perSecond ?? Number.NaN;

  const speed = markdownTable(
    [{ heading: 'classifier' }, ...['FAQ rules', 'p50 µs', 'p99 µs', 'msg/s', 'speed vs keyword loop', 'escalation P', 'escalation R', 'FAQ precision', 'FAQ coverage'].map((heading) => ({ heading, numeric: true }))],
    rows.map((row) => {
      const acc = accuracy(row.classifier, dev);
      return [row.name, String(row.rules), fixed(row.timing.p50), fixed(row.timing.p99), whole(row.timing.perSecond), ratio(row.timing.perSecond / baseline(row.rules), 3), pct(acc.escalation.precision), pct(acc.escalation.recall), pct(acc.faq.precision), pct(acc.faq.coverage)];
    }),
  );
  const held = markdownTable(
    [{ heading: 'classifier' }, ...['FAQ rules', 'escalation P', 'escalation R', 'FAQ precision', 'FAQ coverage'].map((heading) => ({ heading, numeric: true }))],
    rows
      .filter((r) => r.rules === defaults.rules.faq.length)
      .map((row) => {
        const acc = accuracy(row.classifier, holdout);
        return [row.name, String(row.rules), pct(acc.escalation.precision), pct(acc.escalation.recall), pct(acc.faq.precision), pct(acc.faq.coverage)];
      }),
  );
  const d1 = decideTiming(defaults, texts);
  const d2 = decideTiming(bigEngine, texts);
  const decideTable = markdownTable(
    [{ heading: 'decide()' }, ...['FAQ rules', 'compile ms', 'p50 µs', 'p99 µs', 'decisions/s', 'p50 vs default rules'].map((heading) => ({ heading, numeric: true }))],
    [
      ['default rules', String(defaults.rules.faq.length), fixed(compileDefaultMs), fixed(d1.p50), fixed(d1.p99), whole(d1.perSecond), ratio(1)],
      ['+ 2,000 generated', String(big.faq.length), fixed(compileBigMs), fixed(d2.p50), fixed(d2.p99), whole(d2.perSecond), ratio(d2.p50 / d1.p50)],
    ],
  );
  return {
    title: 'Engine: decide() and classification',
    body: [
      `Dev set (${dev.length} labelled messages):`,
      speed,
      `Accuracy on the held-out set (${holdout.length} messages written blind to the rules; the dev set above is optimistic: the default FAQ examples and lexicon were written with it in view):`,
      held,
      decideTable,
    ].join('\n\n'),
    how: 'In the bench process, no I/O. Each classifier runs over every dev-set message 5 times after a warm-up round; p50/p99 are per-call `process.hrtime` times, msg/s is calls over the measured rounds. The keyword loop (first keyword hit wins) is the baseline for speed, MiniSearch (BM25 over the same FAQ examples) the off-the-shelf alternative. decide() is timed for a returning buyer mid-conversation during business hours. Generated rules: `src/generate-rules.ts` (product × aspect, 8 examples each).',
  };
}
