import { describe, expect, it } from 'vitest';
import { parseChannels } from './channel-config.ts';

describe('parseChannels', () => {
  it('should accept a TEAM_CHANNELS secret with every channel type', () => {
    const json = JSON.stringify({
      team: { type: 'dingtalk', url: 'https://oapi.dingtalk.com/robot/send?access_token=t', secret: 'SECx', people: { 店长: { mobile: '13800000000' } } },
      'ops-feishu': { type: 'feishu', url: 'https://open.feishu.cn/open-apis/bot/v2/hook/abc' },
      wecom_group: { type: 'wecom', url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k' },
      slack: { type: 'slack', url: 'https://hooks.slack.com/services/T/B/X' },
      hook: { type: 'webhook', url: 'https://example.com/h', secret: 's' },
    });
    const result = parseChannels(json);
    expect(result.kind).toBe('ok');
    if (result.kind === 'ok') expect(Object.keys(result.channels)).toEqual(['team', 'ops-feishu', 'wecom_group', 'slack', 'hook']);
  });

  it('should treat an unset or blank secret as no channels', () => {
    expect(parseChannels(undefined)).toEqual({ kind: 'ok', channels: {} });
    expect(parseChannels('  ')).toEqual({ kind: 'ok', channels: {} });
  });

  it('should name the bad field of each invalid channel', () => {
    const result = parseChannels(
      JSON.stringify({
        a: { type: 'teams', url: 'https://x.example' },
        b: { type: 'slack', url: 'not a url' },
        c: { type: 'dingtalk', url: 'https://oapi.dingtalk.com/robot/send' },
        d: { type: 'wecom', url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=' },
        e: { type: 'webhook', url: 'ftp://example.com/x' },
        'bad name!': { type: 'slack', url: 'https://hooks.slack.com/services/T/B/X' },
      }),
    );
    expect(result.kind).toBe('invalid');
    if (result.kind !== 'invalid') return;
    const joined = result.errors.join('\n');
    expect(joined).toMatch(/TEAM_CHANNELS\.a\.type/);
    expect(joined).toMatch(/TEAM_CHANNELS\.b\.url/);
    expect(joined).toMatch(/TEAM_CHANNELS\.c\.url: a dingtalk robot URL carries \?access_token=/);
    expect(joined).toMatch(/TEAM_CHANNELS\.d\.url: a wecom robot URL carries \?key=/);
    expect(joined).toMatch(/TEAM_CHANNELS\.e\.url: must be an http\(s\) URL/);
    expect(joined).toMatch(/bad name!/);
  });

  it('should never echo the secret back when it is not JSON', () => {
    const result = parseChannels('{"team":{"url":"https://oapi.dingtalk.com/robot/send?access_token=SECRET-TOKEN"');
    expect(result).toEqual({ kind: 'invalid', errors: ['TEAM_CHANNELS: not valid JSON'] });
  });

  it('should not throw on JSON that is not an object', () => {
    expect(parseChannels('[1,2]').kind).toBe('invalid');
    expect(parseChannels('null').kind).toBe('invalid');
  });
});
