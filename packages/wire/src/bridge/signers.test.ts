import { describe, expect, it } from 'vitest';
import { doudianBridgeSigner, josBridgeSigner, pddBridgeSigner, topBridgeSigner } from './signers.ts';

const now = Date.UTC(2026, 10, 23, 4, 5, 6);
const body = '{"messages":[]}';

describe.each([
  ['top', topBridgeSigner],
  ['pdd', pddBridgeSigner],
  ['jos', josBridgeSigner],
  ['doudian', doudianBridgeSigner],
])('%s bridge signer', (_name, signer) => {
  const params = signer.systemParams('app-1', 'kefu.bridge.test', now);

  it('should read back the time it signed at, to the second', () => {
    expect(signer.signedAt(params)).toBe(Math.floor(now / 1000) * 1000);
  });

  it('should name the app in its app-key parameter', () => {
    expect(params[signer.appKeyParam]).toBe('app-1');
  });

  it('should change the signature when the body, a parameter or the secret changes', () => {
    const sign = signer.sign(params, body, 's3cret');
    expect(signer.sign(params, body, 's3cret')).toBe(sign);
    expect(signer.sign(params, '{"messages":[1]}', 's3cret')).not.toBe(sign);
    expect(signer.sign({ ...params, [signer.appKeyParam]: 'app-2' }, body, 's3cret')).not.toBe(sign);
    expect(signer.sign(params, body, 'other')).not.toBe(sign);
  });
});
