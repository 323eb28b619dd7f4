import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from './sandbox.ts';
import { team } from '../stand-ins/team.ts';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ standIns: [team] });
});
afterAll(() => sandbox.close());

const post = (path: string, body: unknown) => fetch(`${sandbox.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const requests = async (channel: string) => (await (await fetch(`${sandbox.url}/__sandbox/requests?channel=${channel}`)).json()) as { status: number; parsed: unknown }[];

describe('sandbox', () => {
  it('should record what a channel received, with the parsed body', async () => {
    expect((await post('/hooks/ops', { hello: '世界' })).status).toBe(200);
    expect(await requests('team:ops')).toEqual([expect.objectContaining({ status: 200, parsed: { hello: '世界' } })]);
  });

  it('should fail exactly every second call at a 50 % fault rate', async () => {
    await post('/__sandbox/faults/team:flaky', { failRate: 0.5 });
    const statuses = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await post('/hooks/flaky', { i })).status);
    expect(statuses).toEqual([200, 503, 200, 503, 200, 503]);
  });

  it('should hold calls until released', async () => {
    await post('/__sandbox/faults/team:held', { hold: true });
    let answered = false;
    const pending = post('/hooks/held', {}).then((r) => {
      answered = true;
      return r.status;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(answered).toBe(false);
    expect(await (await post('/__sandbox/release', {})).json()).toEqual({ released: 1 });
    expect(await pending).toBe(200);
  });

  it('should answer unknown paths with 404 and record them as unknown', async () => {
    expect((await post('/nowhere', {})).status).toBe(404);
    expect((await requests('unknown')).length).toBeGreaterThan(0);
  });

  it('should queue inbox items for pull stand-ins', async () => {
    await post('/__sandbox/inbox/test', [{ a: 1 }, { a: 2 }]);
    expect(sandbox.state.inbox('test')).toEqual([{ a: 1 }, { a: 2 }]);
  });
});
