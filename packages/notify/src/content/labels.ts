import type { Escalation, Severity } from '../escalation/index.ts';

export const SEVERITY_LABEL: Record<Severity, string> = { critical: '紧急', high: '高', medium: '中', low: '低' };
export const SEVERITY_RANK: Record<Severity, number> = { critical: 3, high: 2, medium: 1, low: 0 };

const PLATFORM_LABEL: Record<string, string> = { taobao: '淘宝', douyin: '抖店', pinduoduo: '拼多多', jd: '京东', wecom: '微信客服' };
export const SPEAKER_LABEL: Record<Escalation['transcript'][number]['from'], string> = { buyer: '买家', bot: '机器人', agent: '客服' };

/** The platform's Chinese name, or its id when we have none. */
export function platformLabel(platform: string): string {
  return PLATFORM_LABEL[platform] ?? platform;
}

export function shopLabel(e: Escalation): string {
  return e.shopName ?? e.shopId;
}

/** Most urgent first: critical before low, then the nearest deadline (none last); stable otherwise. */
export function byUrgency(items: readonly Escalation[]): Escalation[] {
  return [...items].sort(
    (a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || (a.deadline ?? Infinity) - (b.deadline ?? Infinity),
  );
}
