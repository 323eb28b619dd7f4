import type { Platform } from '@kefu/core';
import { safeEqual } from '@kefu/wire';
import type { InboundRoute } from '../adapter/adapter.ts';
import { parseBridgeBody } from './envelope.ts';
import type { BridgeCredentials, BridgeSigner } from './signer.ts';

/** A bridge request older or newer than this is a replay (or a badly wrong clock). */
export const BRIDGE_MAX_SKEW_MS = 10 * 60_000;

type Options<E> = { platform: Platform; signer: BridgeSigner; credentials: (env: E) => BridgeCredentials; path?: string };

/**
 * The chat bridge's inbound route (docs/chat-bridge.md): system parameters and `sign` in the query
 * string, the bridge envelope as the JSON body, signed with the platform's own algorithm.
 */
export function bridgeRoute<E>(options: Options<E>): InboundRoute<E> {
  return {
    path: options.path ?? '/bridge/messages',
    maxBodyBytes: 256 * 1024,
    async verify(request, env) {
      const { appKey, secret } = options.credentials(env);
      const params = Object.fromEntries(request.url.searchParams);
      if (params[options.signer.appKeyParam] !== appKey) return { kind: 'rejected', reason: `${options.signer.appKeyParam} is not this app's` };
      const at = options.signer.signedAt(params);
      if (at === undefined) return { kind: 'rejected', reason: 'missing or unreadable timestamp' };
      if (Math.abs(Date.now() - at) > BRIDGE_MAX_SKEW_MS) return { kind: 'rejected', reason: 'timestamp outside ±10 min: replayed or clock skew' };
      const { sign = '', ...signed } = params;
      const expected = options.signer.sign(signed, request.body, secret);
      return safeEqual(sign.toUpperCase(), expected.toUpperCase()) ? { kind: 'ok' } : { kind: 'rejected', reason: 'signature mismatch' };
    },
    async parse(request) {
      const parsed = parseBridgeBody(options.platform, request.body);
      return parsed.kind === 'ok' ? { kind: 'events', envelopes: parsed.envelopes, ack: { json: { code: 0, msg: 'success' } } } : parsed;
    },
  };
}
