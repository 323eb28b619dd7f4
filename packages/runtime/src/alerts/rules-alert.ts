import type { InboundEvent } from '@kefu/core';
import type { OutboundJob } from '../outbound/job.ts';
import type { RulesLoad } from '../rules/kv-rules.ts';

/**
 * The team notice for rules that failed validation in KV: the shop must know its last edit is not
 * live (last-known-good is serving) or that nothing is (no valid rules at all). One notice per bad
 * version: the id carries the version, and deliveries are idempotent by id.
 */
export function rulesAlert(rules: RulesLoad, event: InboundEvent): OutboundJob | undefined {
  if (rules.kind === 'ok' || rules.badVersion === undefined) return undefined;
  const serving = rules.kind === 'last_known_good';
  console.error(`rules: ${rules.key} version ${rules.badVersion} is invalid; ${serving ? 'serving the last known good rules' : 'no valid rules to serve'}`, rules.errors);
  return {
    kind: 'notify',
    id: `rules-invalid:${rules.key}:${rules.badVersion}`,
    notice: {
      conversation: { platform: event.platform, shopId: event.shopId, buyerId: event.buyerId },
      escalationId: `rules-invalid:${rules.key}:${rules.badVersion}`,
      update: 0,
      severity: serving ? 'high' : 'critical',
      title: serving ? '规则校验失败，仍在使用上一版有效规则' : '规则校验失败，没有可用规则，机器人已停止回复',
      reasons: rules.errors.slice(0, 10).map((e) => ({ code: 'rules.invalid', detail: `${rules.key} ${e.path}: ${e.message}` })),
      transcript: [],
    },
  };
}
