import { PLATFORMS } from '@kefu/core';
import { stackUrl } from '@kefu/cli';
import { buildXml } from '@kefu/wire';
import { workerClient } from '../clients/worker-client.ts';
import { fuzzBody, type FuzzKind, type FuzzTarget } from '../fuzz/bodies.ts';
import { verdict, type CheckResult, type Log } from '../report/check-result.ts';
import { pool, seeded } from '../support/index.ts';
import { CREDENTIALS } from '../traffic/deliver.ts';
import { BRIDGE_PLATFORMS, bridgeBody, bridgeRequest, doudianBody, doudianRequest, douyinImBody, douyinImRequest, send, wecomCallbackRequest, type SignedRequest } from '../traffic/signed-requests.ts';
import { isClearRejection } from './signatures.ts';

/** A webhook route under fuzzing: its body format and limit, and how to wrap a body (signed or not). */
type FuzzRoute = { name: string; target: FuzzTarget; wrap: (body: Uint8Array, signed: boolean) => Promise<SignedRequest> };

const KIB = 1024;
const decode = (b: Uint8Array) => new TextDecoder().decode(b);

/** Every signed inbound route. Where the platform signs the body, half the fuzzed bodies are validly signed (what the worker decodes), so they get past the signature into the parsers. */
function routes(runId: string): FuzzRoute[] {
  let n = 0;
  const id = () => `${runId}-fz-${(n += 1)}`;
  const bridges = BRIDGE_PLATFORMS.map(
    (p): FuzzRoute => ({
      name: `${p} bridge`,
      target: { format: 'json', limit: 256 * KIB, template: () => bridgeBody('fuzz-shop', `fuzz-${p}`, id(), '什么时候发货') },
      wrap: async (body, signed) => bridgeRequest(p, body, signed ? {} : { signedBody: '{}' }),
    }),
  );
  return [
    ...bridges,
    {
      name: 'douyin IM',
      target: { format: 'json', limit: 256 * KIB, template: () => douyinImBody('fuzz-account', 'fuzz-buyer', id(), '什么时候发货') },
      wrap: async (body, signed) => douyinImRequest(body, signed ? {} : { signedBody: '{}' }),
    },
    {
      name: 'doudian push',
      target: { format: 'json', limit: 512 * KIB, template: () => doudianBody('4321', `47${Date.now()}`, id()) },
      wrap: async (body, signed) => doudianRequest(body, signed ? {} : { signedBody: '[]' }),
    },
    {
      // WeCom signs the Encrypt field, not the body: fuzz the outer XML as sent…
      name: 'wecom callback (outer XML)',
      target: { format: 'xml', limit: 64 * KIB, template: () => buildXml({ ToUserName: CREDENTIALS.WECOM_CORP_ID ?? '', AgentID: '', Encrypt: 'c2FuZGJveA==' }) },
      wrap: async (body) => ({ ...(await wecomCallbackRequest('wkFuzz')), body }),
    },
    {
      // …and, correctly encrypted and signed, the decrypted XML the worker parses next.
      name: 'wecom callback (signed inner XML)',
      target: { format: 'xml', limit: 48 * KIB, template: () => buildXml({ ToUserName: CREDENTIALS.WECOM_CORP_ID ?? '', CreateTime: Math.floor(Date.now() / 1000), MsgType: 'event', Event: 'kf_msg_or_event', Token: 'ENCfuzz', OpenKfId: 'wkFuzz' }) },
      wrap: async (body) => wecomCallbackRequest('wkFuzz', { inner: decode(body) }),
    },
  ];
}

type Outcome = 'clear 4xx' | '2xx' | '5xx' | 'unclear 4xx' | 'no answer';

/**
 * Check 3: broken bodies on every webhook route — random bytes, truncated JSON/XML, fields around
 * the size limits and over, wrong types, deep nesting, bad UTF-8, parser edge cases — some validly
 * signed. No 5xx, no crash (every worker still healthy), and every refusal a clear 4xx with a JSON
 * error code.
 */
export async function fuzz(o: { bodies: number; concurrency: number; seed: number; runId: string }, log: Log): Promise<CheckResult> {
  const r = seeded(o.seed + 3);
  const all = routes(o.runId);
  const tally = new Map<string, Map<Outcome, number>>();
  const bad: string[] = [];
  const statuses = new Map<number | 'network', number>();
  let unhealthy: string[] = [];
  const start = Date.now();
  const jobs = Array.from({ length: o.bodies }, (_, i) => i);
  await pool(jobs, o.concurrency, async (i) => {
    const route = all[i % all.length] as FuzzRoute;
    const body = fuzzBody(r, route.target);
    const signed = r.chance(0.5);
    const answer = await send(stackUrl, await route.wrap(body.bytes, signed));
    statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
    const outcome: Outcome = answer.status === 'network' ? 'no answer' : answer.status >= 500 ? '5xx' : answer.status >= 400 ? (isClearRejection(answer) ? 'clear 4xx' : 'unclear 4xx') : '2xx';
    const key = `${route.name} · ${body.kind satisfies FuzzKind}`;
    const row = tally.get(key) ?? new Map<Outcome, number>();
    row.set(outcome, (row.get(outcome) ?? 0) + 1);
    tally.set(key, row);
    if (outcome === '5xx' || outcome === 'unclear 4xx' || outcome === 'no answer') bad.push(`${key} (${body.bytes.length} B${signed ? ', signed' : ''}): ${answer.status} ${answer.text.slice(0, 160)}`);
    if ((i + 1) % 2500 === 0) {
      unhealthy = [];
      for (const p of PLATFORMS) if (!(await workerClient(p).healthy())) unhealthy.push(p);
      log(`  … ${i + 1} bodies sent; ${bad.length} bad answers so far; unhealthy: ${unhealthy.join(', ') || 'none'}`);
    }
  });
  unhealthy = [];
  for (const p of PLATFORMS) if (!(await workerClient(p).healthy())) unhealthy.push(p);
  const count = (o: Outcome) => [...tally.values()].reduce((n, row) => n + (row.get(o) ?? 0), 0);
  log(`  ${o.bodies} bodies over ${all.length} routes in ${((Date.now() - start) / 1000).toFixed(0)} s: ${count('clear 4xx')} clear 4xx, ${count('2xx')} 2xx (bodies that were still acceptable), ${count('unclear 4xx')} unclear 4xx, ${count('5xx')} 5xx, ${count('no answer')} without an answer`);
  log(`  answers: ${[...statuses].sort((a, b) => String(a[0]).localeCompare(String(b[0]))).map(([s, n]) => `${s}×${n}`).join(', ')}`);
  log(`  /health after: ${unhealthy.length === 0 ? 'all five 200' : `NOT answering: ${unhealthy.join(', ')}`}`);
  for (const [what, index] of [['route', 0], ['kind', 1]] as const) {
    const grouped = new Map<string, Map<Outcome, number>>();
    for (const [key, row] of tally) {
      const name = key.split(' · ')[index] ?? key;
      const g = grouped.get(name) ?? new Map<Outcome, number>();
      for (const [k, v] of row) g.set(k, (g.get(k) ?? 0) + v);
      grouped.set(name, g);
    }
    log(`  by ${what}:`);
    for (const [name, row] of [...grouped].sort()) log(`    ${name}: ${[...row].sort().map(([k, v]) => `${k} ${v}`).join(', ')}`);
  }
  for (const b of bad.slice(0, 12)) log(`    ! ${b}`);
  const serverErrors = count('5xx');
  return verdict(
    '3',
    'fuzzed webhook bodies',
    { count: o.bodies, lost: null, duplicates: null, serverErrors },
    [
      { what: `no 5xx (${serverErrors})`, met: serverErrors === 0 },
      { what: `every refusal a 4xx with a JSON error code (${count('unclear 4xx')} were not)`, met: count('unclear 4xx') === 0 },
      { what: `every request answered (${count('no answer')} were not)`, met: count('no answer') === 0 },
      { what: `every worker healthy after (${unhealthy.join(', ') || 'all were'})`, met: unhealthy.length === 0 },
    ],
    `${count('clear 4xx')} clear 4xx, ${count('2xx')} accepted, all workers healthy`,
  );
}
