import type { ChannelConfig, ChannelType } from '../channels/index.ts';
import type { Escalation } from '../escalation/index.ts';

/** 2024-11-23 14:04:10 in Asia/Shanghai: every test renders at this instant. */
export const NOW = Date.UTC(2024, 10, 23, 6, 4, 10);
export const TZ = 'Asia/Shanghai';

/** One channel of each type, with secrets and people (made up). */
export const CHANNELS: Record<ChannelType, ChannelConfig> = {
  dingtalk: {
    type: 'dingtalk',
    url: 'https://oapi.dingtalk.com/robot/send?access_token=dt-token',
    secret: 'SEC0123456789abcdef',
    people: { 店长: { mobile: '13800000001' }, 值班: { userId: 'dt-user-7' }, 客服主管: { mobile: '13800000002', userId: 'dt-user-8' } },
  },
  feishu: {
    type: 'feishu',
    url: 'https://open.feishu.cn/open-apis/bot/v2/hook/0c3f2a1e-feed-4b0b-9a55-000000000001',
    secret: 'demo-secret',
    people: { 店长: { userId: 'ou_shopkeeper' }, 值班: { mobile: '13800000003' } },
  },
  wecom: {
    type: 'wecom',
    url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=wecom-key',
    people: { 店长: { userId: 'zhangsan' }, 值班: { mobile: '13800000004' } },
  },
  slack: { type: 'slack', url: 'https://hooks.slack.com/services/T000/B000/XXXX', people: { 店长: { userId: 'U024BE7LH' }, 值班: { mobile: '13800000005' } } },
  webhook: { type: 'webhook', url: 'https://ops.example.com/hooks/kefu', secret: 'hook-secret' },
};

export function escalation(overrides: Partial<Escalation> = {}): Escalation {
  return {
    id: 'esc_01HZX3',
    update: 0,
    platform: 'douyin',
    shopId: 'shop-42',
    shopName: '小鹿旗舰店',
    buyer: '买家 t***8',
    severity: 'critical',
    title: '买家要求退款并威胁投诉 12315',
    reasons: [
      { code: 'complaint.regulator', detail: '提到 12315 投诉' },
      { code: 'sla.deadline', detail: '距回复时限不足 2 分钟' },
    ],
    deadline: NOW + 80_000,
    transcript: [
      { from: 'buyer', text: '你们的东西坏了，我要退款', at: NOW - 120_000 },
      { from: 'bot', text: '非常抱歉，请您提供订单号', at: NOW - 110_000 },
      { from: 'buyer', text: '再不处理我就打 12315', at: NOW - 30_000 },
    ],
    conversationUrl: 'https://kefu.example.com/c/esc_01HZX3',
    claimUrl: 'https://kefu.example.com/claim/esc_01HZX3?exp=1732345450000&token=abc',
    mention: [],
    ...overrides,
  };
}

/** A transcript of 10,000 characters in 50 messages, with astral characters where cuts may land. */
export function longTranscript(): Escalation['transcript'] {
  return Array.from({ length: 50 }, (_, i) => ({
    from: i % 2 === 0 ? ('buyer' as const) : ('bot' as const),
    text: `第${i}条😀${'很长的抱怨'.repeat(39)}`.slice(0, 200),
    at: NOW - (50 - i) * 1000,
  }));
}

/** `count` distinct escalations of every severity, for digests. */
export function manyEscalations(count: number): Escalation[] {
  const severities = ['low', 'medium', 'high', 'critical'] as const;
  return Array.from({ length: count }, (_, i) =>
    escalation({
      id: `esc_${String(i).padStart(3, '0')}`,
      severity: severities[i % 4] ?? 'low',
      buyer: `买家 b***${i}`,
      title: `第 ${i} 个会话需要人工`,
      deadline: NOW + (i + 1) * 60_000,
      claimUrl: `https://kefu.example.com/claim/esc_${String(i).padStart(3, '0')}?exp=1732345450000&token=${'x'.repeat(43)}`,
      conversationUrl: `https://kefu.example.com/c/esc_${String(i).padStart(3, '0')}`,
    }),
  );
}
