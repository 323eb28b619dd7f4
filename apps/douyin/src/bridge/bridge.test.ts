import { HttpError, type WebhookRequest } from '@kefu/runtime';
import { doudianBridgeSigner } from '@kefu/wire';
import { describe, expect, it } from 'vitest';
import type { DouyinEnv } from '../env.ts';
import { bridgeConfigured, feigeBridgeRoute } from './bridge.ts';

const unconfigured = { DOUYIN_BRIDGE_APP_KEY: '', DOUYIN_BRIDGE_SECRET: '', BRIDGE_SEND_URL: '' } as unknown as DouyinEnv;

describe('the 飞鸽 bridge route', () => {
  it('should not let an empty-secret signature through when no bridge is configured (503 naming the setting)', async () => {
    const body = '{"messages":[]}';
    const params = doudianBridgeSigner.systemParams('', 'kefu.bridge.messages', Date.now());
    const query = new URLSearchParams({ ...params, sign: doudianBridgeSigner.sign(params, body, '') });
    const request: WebhookRequest = { method: 'POST', url: new URL(`https://kefu.test/bridge/messages?${query}`), headers: new Headers(), body };
    const attempt = feigeBridgeRoute.verify(request, unconfigured);
    await expect(attempt).rejects.toBeInstanceOf(HttpError);
    await expect(attempt).rejects.toMatchObject({ status: 503, message: expect.stringContaining('DOUYIN_BRIDGE_APP_KEY') });
    expect(bridgeConfigured(unconfigured)).toBe(false);
  });
});
