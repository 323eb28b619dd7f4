import type { WebhookRequest } from '@kefu/runtime';
import { describe, expect, it } from 'vitest';
import type { DouyinEnv } from '../env.ts';
import { doudianPushRoute } from './route.ts';

describe('the 抖店 push route', () => {
  it('should answer 503 naming the missing setting, so the platform retries after the deployment is fixed', async () => {
    const request: WebhookRequest = { method: 'POST', url: new URL('https://kefu.test/webhooks/doudian'), headers: new Headers({ 'app-id': '', 'event-sign': 'x' }), body: '[]' };
    const env = { DOUDIAN_APP_KEY: '', DOUDIAN_APP_SECRET: 'set' } as unknown as DouyinEnv;
    await expect(doudianPushRoute.verify(request, env)).rejects.toMatchObject({ status: 503, code: 'not_configured', message: expect.stringContaining('DOUDIAN_APP_KEY') });
  });
});
