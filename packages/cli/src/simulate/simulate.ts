import type { Action } from '@kefu/core';
import { standIns } from '@kefu/sandbox';
import { formatAction } from '../format/actions.ts';
import { LOCAL_INSPECT_TOKEN, sandboxUrl, stackUrl } from '../stack/stack-layout.ts';
import type { Simulation } from './simulated.ts';
import { SIMULATORS } from './simulators.ts';

type Out = { log: (line: string) => void; error: (line: string) => void };
type Seen = { actions: Action[]; deliveries: { id: string; status: string; attempts: number; last_error: string | null }[] };

/**
 * `cs simulate`: send one correctly signed webhook to the running local stack, then print what the
 * bot did and why (from the worker's inspection route), once its sends have settled.
 */
export async function simulate(sim: Simulation, out: Out): Promise<number> {
  const credentials: Record<string, string> = Object.assign({}, ...standIns.map((s) => s.credentials ?? {}));
  const delivery = await SIMULATORS[sim.platform](sim, credentials, Date.now());
  const base = stackUrl(sim.platform);
  const inspect = async (): Promise<Seen> => {
    const url = `${base}/__kefu/conversation?shop=${encodeURIComponent(sim.shop)}&buyer=${encodeURIComponent(sim.buyer)}`;
    const response = await fetch(url, { headers: { authorization: `Bearer ${LOCAL_INSPECT_TOKEN}` } });
    if (!response.ok) throw new Error(`inspection answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as Seen;
  };
  let before: Seen;
  try {
    before = await inspect();
  } catch (error) {
    out.error(`cs: the local stack is not answering on ${base} (${(error as Error).message}). Start it first: pnpm start`);
    return 1;
  }
  if (delivery.inbox) await fetch(`${sandboxUrl()}/__sandbox/inbox/${encodeURIComponent(delivery.inbox.key)}`, { method: 'POST', body: JSON.stringify(delivery.inbox.items) });
  const query = delivery.query ? `?${new URLSearchParams(delivery.query)}` : '';
  const response = await fetch(`${base}${delivery.path}${query}`, { method: 'POST', headers: delivery.headers, body: delivery.body });
  const ack = await response.text();
  out.log(`→ ${sim.platform} POST ${delivery.path}: ${response.status} ${ack.slice(0, 200)}`);
  if (!response.ok) return 1;

  const deadline = Date.now() + 15_000;
  let seen = before;
  while (Date.now() < deadline) {
    seen = await inspect();
    const fresh = seen.actions.slice(before.actions.length);
    const outward = fresh.filter((a) => a.kind === 'reply' || a.kind === 'escalate').map((a) => a.id);
    const settled = outward.every((id) => seen.deliveries.some((d) => d.id === id && (d.status === 'sent' || d.status === 'dead')));
    if (fresh.length > 0 && settled) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const fresh = seen.actions.slice(before.actions.length);
  if (fresh.length === 0) out.log('(no decision yet: the worker may still be pulling; see the sandbox page)');
  for (const action of fresh) {
    out.log(formatAction(action, 'Asia/Shanghai'));
    const d = seen.deliveries.find((x) => x.id === action.id);
    if (d) out.log(`     delivery: ${d.status}${d.attempts > 1 ? ` after ${d.attempts} attempts` : ''}${d.last_error ? ` (${d.last_error})` : ''}`);
  }
  out.log(`\nWhat the platform and team channel received: ${sandboxUrl()}`);
  return 0;
}
