import { BRIDGE_MAX_SKEW_MS, bridgeBody } from '@kefu/runtime';
import { hmacHex, md5Hex } from '@kefu/wire';
import { describe, expect, it } from 'vitest';
import doc from '../../../docs/chat-bridge.md?raw';
import { DIRECTIONS, EXAMPLE_AT, EXAMPLES, INBOUND_BODY, OUTBOUND_BODY, requestLine, type Example } from './bridge-doc-examples.ts';

const sortedConcat = (params: Record<string, string>, skipEmpty = false) =>
  Object.keys(params).sort().filter((k) => k !== 'sign' && !(skipEmpty && params[k] === '')).map((k) => `${k}${params[k]}`).join('');

/**
 * The doc's §3 table, written out again by hand (not through the signers): the string each platform
 * signs, and how it is hashed. If a signer changes, these stop matching it; if the doc's examples
 * go stale, they stop matching the doc.
 */
const DOC_RULES: Record<string, (p: Record<string, string>, body: string, secret: string) => { text: string; hash: (text: string) => string }> = {
  taobao: (p, body, secret) => ({ text: sortedConcat(p, true) + body, hash: (t) => hmacHex('sha256', secret, t).toUpperCase() }),
  pinduoduo: (p, body, secret) => ({ text: secret + sortedConcat({ ...p, data: body }) + secret, hash: (t) => md5Hex(t).toUpperCase() }),
  jd: (p, body, secret) => ({ text: secret + sortedConcat({ ...p, '360buy_param_json': body }) + secret, hash: (t) => md5Hex(t).toUpperCase() }),
  douyin: (p, body, secret) => ({
    text: `${secret}app_key${p.app_key}method${p.method}param_json${body}timestamp${p.timestamp}v${p.v}${secret}`,
    hash: (t) => hmacHex('sha256', secret, t),
  }),
};

describe('docs/chat-bridge.md', () => {
  it('should print the example bodies the envelope schema accepts', () => {
    expect(doc).toContain(INBOUND_BODY);
    expect(doc).toContain(OUTBOUND_BODY);
    expect(bridgeBody.safeParse(JSON.parse(INBOUND_BODY)).success).toBe(true);
    expect(doc).toContain(`(epoch ${EXAMPLE_AT / 1000})`);
  });

  describe.each(EXAMPLES.map((e) => [e.platform, e] as [string, Example]))('%s', (platform, example) => {
    const rule = DOC_RULES[platform];
    if (!rule) throw new Error(`no documented rule for ${platform}`);

    it.each(['inbound', 'outbound'] as const)('should print the %s request line with the signature the signer computes', (direction) => {
      const { params, sign, line } = requestLine(example, direction);
      const { text, hash } = rule(params, DIRECTIONS[direction].body, example.secret);
      expect(hash(text)).toBe(sign);
      expect(doc).toContain(line);
    });

    it('should print the inbound string to sign', () => {
      const { params } = requestLine(example, 'inbound');
      expect(doc).toContain(`\n${rule(params, INBOUND_BODY, example.secret).text}\n`);
    });

    it('should name the app key parameter and the system parameters the signer sends', () => {
      const { params } = requestLine(example, 'inbound');
      const row = doc.split('\n').find((l) => l.startsWith('| System params (query) |')) ?? '';
      const column = row.split(' | ')[EXAMPLES.indexOf(example) + 1] ?? '';
      for (const [key, value] of Object.entries(params)) {
        const fixed = key === 'timestamp' || value.startsWith('kefu.') || value === example.appKey ? `\`${key}\`` : `\`${key}=${value}\``;
        expect(column).toContain(fixed);
      }
      expect(doc).toContain(`\`${example.signer.appKeyParam}\``);
    });
  });

  it('should state the replay window the route enforces', () => {
    expect(BRIDGE_MAX_SKEW_MS).toBe(10 * 60_000);
    expect(doc).toContain('**±10 minutes**');
  });
});
