import type { Platform } from '@kefu/core';
import type { Recorded } from '@kefu/sandbox';
import { SELF, env as rawEnv } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { actionsOf, settled } from './settled.ts';
import { eventually, sandboxClient } from './sandbox-client.ts';
import { prepareStack } from './stack.ts';
import type { TestEnv } from './test-env.ts';

/** One buyer text message, as a test asks a fixture to deliver it. */
export type BuyerText = { buyerId: string; messageId: string; text: string };

/** A case the platform's protocol has no way to express, with the reason. */
export type Skip = { skip: string };

/** What an adapter's test gives the shared contract suite: how to speak its wire format. */
export type ContractFixture = {
  platform: Platform;
  /** The shop the fixture's requests are for (the adapter's shop id for them). */
  shopId: string;
  /** A correctly signed webhook carrying one buyer text message (a pull platform's fixture also queues it in the sandbox). */
  buyerMessage(message: BuyerText): Promise<Request>;
  /** The same, signed with the wrong secret. */
  forged(message: BuyerText): Promise<Request>;
  /** Correctly signed, but addressed to another app (app id / app key / corp id). */
  wrongApp(message: BuyerText): Promise<Request>;
  /** Correctly signed but stale: a replay. */
  replayed: ((message: BuyerText) => Promise<Request>) | Skip;
  /** Correctly signed (where the body is signed) with a body the platform never sends. */
  malformed(): Promise<Request>;
  /** A request larger than the adapter accepts. */
  oversized(): Promise<Request>;
  /** Check the platform's ack. */
  expectAck(response: Response): Promise<void>;
  /** Sandbox channel recording replies to buyers (e.g. `wecom:send_msg`). */
  sendChannel: string;
  /** The buyer a recorded send is addressed to. */
  recipientOf(record: Recorded): string | undefined;
};

let counter = 0;
const unique = (what: string) => `${what}-${Date.now().toString(36)}-${(counter += 1)}`;

/**
 * The contract every platform adapter passes (run from each app's tests, inside workerd, against
 * the app's real worker, bindings and the local sandbox): authentic requests are acted on exactly
 * once; forged, wrong-app and replayed ones are rejected with nothing done; bad bodies get clear
 * 4xx answers; the ack never waits on a send.
 */
export function describeAdapterContract(fixture: ContractFixture): void {
  const env = rawEnv as unknown as TestEnv;
  const sandbox = sandboxClient(env.SANDBOX_URL);
  const ref = (buyerId: string) => ({ platform: fixture.platform, shopId: fixture.shopId, buyerId });
  const message = (text = '你好 什么时候发货'): BuyerText => ({ buyerId: unique('buyer'), messageId: unique('msg'), text });
  const sendsTo = async (buyerId: string) => (await sandbox.requests(fixture.sendChannel)).filter((r) => fixture.recipientOf(r) === buyerId);

  const expectNothingDone = async (buyerId: string, response: Response) => {
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(await actionsOf(env, ref(buyerId))).toEqual([]);
    expect(await sendsTo(buyerId)).toEqual([]);
  };

  describe(`${fixture.platform} adapter contract`, () => {
    beforeAll(() => prepareStack(env));

    it('should accept a correctly signed message, ack it the platform way, and reply once', async () => {
      const m = message();
      const response = await SELF.fetch(await fixture.buyerMessage(m));
      await fixture.expectAck(response);
      const actions = await settled(env, ref(m.buyerId));
      const replies = actions.filter((a) => a.kind === 'reply');
      expect(replies.length).toBeGreaterThan(0);
      expect(await sendsTo(m.buyerId)).toHaveLength(replies.length);
    });

    it('should reject a forged signature and do nothing', async () => {
      const m = message();
      await expectNothingDone(m.buyerId, await SELF.fetch(await fixture.forged(m)));
    });

    it('should reject a request signed for another app and do nothing', async () => {
      const m = message();
      await expectNothingDone(m.buyerId, await SELF.fetch(await fixture.wrongApp(m)));
    });

    const { replayed } = fixture;
    if ('skip' in replayed) it.skip(`should reject a replayed request (${replayed.skip})`, () => {});
    else {
      it('should reject a replayed (stale) request and do nothing', async () => {
        const m = message();
        await expectNothingDone(m.buyerId, await SELF.fetch(await replayed(m)));
      });
    }

    it('should reply exactly once when the same message is delivered twice at once', async () => {
      const m = message();
      const responses = await Promise.all([SELF.fetch(await fixture.buyerMessage(m)), SELF.fetch(await fixture.buyerMessage(m))]);
      for (const response of responses) await fixture.expectAck(response);
      const actions = await settled(env, ref(m.buyerId));
      const replies = actions.filter((a) => a.kind === 'reply');
      expect(replies.length).toBeGreaterThan(0);
      expect(await sendsTo(m.buyerId)).toHaveLength(replies.length);
    });

    it('should answer a malformed body with a clear 400', async () => {
      const response = await SELF.fetch(await fixture.malformed());
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ error: { code: 'malformed_body', message: expect.any(String) } });
    });

    it('should answer an oversized body with 413', async () => {
      const response = await SELF.fetch(await fixture.oversized());
      expect(response.status).toBe(413);
    });

    it('should ack without waiting for the reply to be sent', async () => {
      const m = message();
      await sandbox.faults(fixture.sendChannel, { hold: true });
      try {
        const response = await SELF.fetch(await fixture.buyerMessage(m));
        await fixture.expectAck(response);
        // The ack is back while the platform's send API has not answered (or not even been called).
        expect((await sendsTo(m.buyerId)).every((r) => r.status === 0)).toBe(true);
      } finally {
        await sandbox.faults(fixture.sendChannel, {});
        await sandbox.release();
      }
      await eventually(async () => (await sendsTo(m.buyerId)).some((r) => r.status === 200), 'the held send to complete');
    });
  });
}
