import { describe, expect, it } from 'vitest';
import { md5Hex } from '../digest/index.ts';
import { pddMessageSocketPath } from './message-socket.ts';
import { signPdd } from './sign-pdd.ts';

describe('signPdd', () => {
  it('should reproduce the protocols §8 PDD vector', () => {
    const params = { type: 'pdd.time.get', client_id: 'abc123', timestamp: '1700000000', data_type: 'JSON' };
    expect(signPdd(params, 'pdd-secret')).toBe('9FBE0B88D2E9E531D16F84D914E1A550');
  });

  it('should leave an existing sign out and keep empty values in', () => {
    const params = { type: 'pdd.time.get', client_id: 'abc123', timestamp: '1700000000', data_type: 'JSON' };
    expect(signPdd({ ...params, sign: 'STALE' }, 'pdd-secret')).toBe('9FBE0B88D2E9E531D16F84D914E1A550');
    const withEmpty = signPdd({ ...params, access_token: '' }, 'pdd-secret');
    const concat = 'access_tokenclient_idabc123data_typeJSONtimestamp1700000000typepdd.time.get';
    expect(withEmpty).toBe(md5Hex(`pdd-secret${concat}pdd-secret`).toUpperCase());
  });
});

describe('pddMessageSocketPath', () => {
  it('should sign with base64 of the hex MD5 string', () => {
    const hex = md5Hex('abc1231700000000000pdd-secret');
    const sign = Buffer.from(hex, 'utf8').toString('base64');
    expect(pddMessageSocketPath('abc123', 1700000000000, 'pdd-secret')).toBe(`/message/abc123/1700000000000/${sign}`);
    expect(sign).toHaveLength(44);
  });

  it('should refuse a fractional timestamp', () => {
    expect(() => pddMessageSocketPath('abc123', 1.5, 's')).toThrow(RangeError);
  });
});
