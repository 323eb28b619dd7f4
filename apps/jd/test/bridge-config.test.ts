import { HttpError, type OutboundReply } from '@kefu/runtime';
import { sandboxClient } from '@kefu/runtime/contract';
import { env } from 'cloudflare:test';
import { afterEach, describe, expect, it } from 'vitest';
import { bridgeCredentials, jdBridgeSend } from '../src/bridge.ts';

const sandbox = sandboxClient(env.SANDBOX_URL);
let n = 0;
const reply = (): OutboundReply => ({ actionId: `cfg-${Date.now().toString(36)}-${(n += 1)}#0`, platform: 'jd', shopId: 'jd-shop-1', buyerId: 'cfg-buyer', text: '您好', channel: { via: 'bridge' }, script: 'greeting' });
const withVars = (vars: Partial<Record<keyof Env, string>>) => ({ ...env, ...vars }) as Env;

afterEach(() => sandbox.faults('bridge:jd', {}));

describe('jd bridge configuration and send results', () => {
  it('should refuse to sign with missing bridge secrets, naming them', () => {
    const broken = withVars({ JD_BRIDGE_SECRET: '' });
    expect(() => bridgeCredentials(broken)).toThrow(HttpError);
    expect(() => bridgeCredentials(broken)).toThrow('JD_BRIDGE_SECRET not set: wrangler secret put JD_BRIDGE_SECRET');
    expect(bridgeCredentials(env)).toEqual({ appKey: 'jd-bridge-app', secret: 'jd-bridge-secret' });
  });

  it('should refuse a send when no bridge is configured, rather than guess an endpoint', async () => {
    expect(await jdBridgeSend(reply(), withVars({ BRIDGE_SEND_URL: '' }))).toEqual({ kind: 'refused', reason: 'no chat bridge configured (BRIDGE_SEND_URL)' });
  });

  it('should ask for a retry on 429 and 5xx, and refuse on any other 4xx', async () => {
    for (const [status, kind] of [[429, 'retry'], [500, 'retry'], [503, 'retry'], [400, 'refused'], [403, 'refused']] as const) {
      await sandbox.faults('bridge:jd', { failRate: 1, failWith: status });
      expect(await jdBridgeSend(reply(), env)).toEqual({ kind, reason: `bridge answered ${status}` });
    }
  });

  it('should sign with kefu.bridge.send when BRIDGE_SEND_METHOD is empty, and with the configured one otherwise', async () => {
    const [a, b] = [reply(), reply()];
    expect(await jdBridgeSend(a, withVars({ BRIDGE_SEND_METHOD: '' }))).toEqual({ kind: 'sent' });
    expect(await jdBridgeSend(b, withVars({ BRIDGE_SEND_METHOD: 'acme.dongdong.reply' }))).toEqual({ kind: 'sent' });
    const methods = Object.fromEntries((await sandbox.requests('bridge:jd')).map((r) => [(r.parsed as { msg_id: string }).msg_id, r.query.method]));
    expect([methods[a.actionId], methods[b.actionId]]).toEqual(['kefu.bridge.send', 'acme.dongdong.reply']);
  });
});
