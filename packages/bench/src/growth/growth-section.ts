import { fixed, kib, ratio, whole } from '../report/format.ts';
import { markdownTable } from '../report/markdown-table.ts';
import type { Section } from '../report/section.ts';
import type { ConversationMemory } from './conversation-memory.ts';
import type { DecideGrowthRow } from './decide-growth.ts';
import { SEQUENTIAL, type WebhookGrowthRow } from './webhook-growth.ts';

const numeric = (heading: string) => ({ heading, numeric: true });

export type GrowthResults = { decide: DecideGrowthRow[]; webhook: WebhookGrowthRow[]; platform: string; memory: ConversationMemory };

/** How cost grows with the FAQ catalogue, and what one more conversation holds. */
export function growthSection(r: GrowthResults): Section {
  const d0 = r.decide[0];
  const decideTable = markdownTable(
    [numeric('generated FAQ rules'), numeric('FAQ rules in all'), numeric('compile ms'), numeric('decide() p50 µs'), numeric('p99 µs'), numeric('p50 vs default rules')],
    r.decide.map((row) => [whole(row.generated), whole(row.faq), fixed(row.compileMs), fixed(row.timing.p50), fixed(row.timing.p99), ratio(row.timing.p50 / (d0?.timing.p50 ?? Number.NaN))]),
  );
  const w0 = r.webhook[0];
  const webhookTable = markdownTable(
    [numeric('generated FAQ rules'), numeric('rules document in KV'), numeric('first webhook ms (loads + compiles)'), numeric('webhook p50 ms'), numeric('p99 ms'), numeric('p50 vs default rules')],
    r.webhook.map((row) => [whole(row.generated), kib(row.documentBytes), fixed(row.firstMs, 0), fixed(row.p50), fixed(row.p99), ratio(row.p50 / (w0?.p50 ?? Number.NaN))]),
  );
  const m = r.memory;
  const memoryTable = markdownTable(
    [{ heading: 'per new conversation' }, numeric('bytes'), { heading: 'what it is' }],
    [
      ['workerd RSS growth', m.rssBytesPer > 0 ? whole(m.rssBytesPer) : `— (RSS fell ${whole(-m.rssBytesPer * m.conversations)} bytes: the garbage collector freed more than the new conversations took)`, 'resident memory of the worker process after ÷ before, per new conversation: live Durable Object instances, their SQLite connections and caches'],
      ['SQLite pages', whole(m.pageBytesPer), 'page_count × page_size of each new Conversation database: its size once checkpointed (every table and index takes at least one page)'],
      ['SQLite data', whole(m.payloadBytesPer), 'bytes of rows and keys in those pages (`dbstat` payload)'],
      ['files on disk (local)', whole(m.fileBytesPer), 'the .sqlite, -wal and -shm files as workerd left them: mostly write-ahead log not yet checkpointed'],
    ],
  );
  return {
    title: 'Cost growth: FAQ catalogue size and conversations',
    body: [
      'decide() as the catalogue grows (in process; the default rules are the baseline):',
      decideTable,
      `A ${r.platform.toUpperCase()} chat-bridge webhook through the local stack as the shop's catalogue in KV grows (after the first, ${SEQUENTIAL} sequential requests, each the first message of a new conversation):`,
      webhookTable,
      `One more conversation (${m.conversations} new buyers, one message each, ${m.newDatabases} new Conversation Durable Objects):`,
      memoryTable,
    ].join('\n\n'),
    how: [
      'decide(): generated FAQ rules (`src/generate-rules.ts`) added to the default rules, compiled once, then every dev-set message 3 times after a warm-up round.',
      `Webhooks: each catalogue size is a shop of its own. The ${r.platform} worker is stopped once, every grown rules document is written to its local KV as version 1 of that shop's layer with its active pointer (\`rules:shop:${r.platform}:bench-rules-<N>\`, as \`cs rules push\` leaves it; merged over the global layer; the default rules get one too, so every size is a shop layer) with \`wrangler kv bulk put --local\`, and the worker is started again. Per size, once the worker is idle, the first webhook loads, validates and compiles that shop's rules (once per isolate and rules version), then ${SEQUENTIAL} signed chat-bridge webhooks follow one at a time, each from a new buyer with a dev-set text the default rules answer by themselves (a handoff would start SLA timers whose alarms fire mid-run). Per message the runtime reads each layer's pointer (a few hundred bytes); a version's document is read, merged and compiled once per isolate and combination of versions, so beyond decide() the document's size shows in the first webhook, not the p50.`,
      `Memory: first thing after that restart, once the worker is idle (a small, quiet heap): 10 warm-up conversations on shop \`bench-rules-0\` (so compiling its rules is not counted), then ${m.conversations} new buyers send one answerable message each, 4 at a time. RSS is read from \`/proc/<pid>/status\` of the worker's workerd before and after, both once it is idle; the new Durable Objects' databases are opened read-only with SQLite (locally they are in WAL mode).`,
      'Limits: RSS moves with V8 heap growth, garbage collection and the allocator, so it is an order of magnitude, not a price; workerd keeps idle objects for a while, so this is memory per live conversation, and on Cloudflare objects are spread over its hosts and evicted when idle; Cloudflare bills stored SQLite bytes, which the page figure approximates.',
    ].join(' '),
  };
}
