import type { Action } from '@kefu/core';

const ICON: Record<Action['kind'], string> = { reply: '💬', escalate: '🚨', schedule: '⏰', handoff: '🙋', log: '·' };

function time(at: number, timeZone: string): string {
  return new Intl.DateTimeFormat('zh-CN', { timeZone, month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(at);
}

/** One action as a line a shop's engineer can read: what, and why. */
export function formatAction(action: Action, timeZone: string): string {
  const icon = ICON[action.kind];
  switch (action.kind) {
    case 'reply': {
      const score = action.score === undefined ? '' : ` ${action.score.toFixed(2)}`;
      return `${icon} reply [${action.intent} · ${action.ruleId}${score}] ${action.text}\n     why: ${action.reason.detail}`;
    }
    case 'escalate':
      return `${icon} escalate ${action.severity}: ${action.reasons.map((r) => `${r.code} ${r.detail}`).join('; ')}`;
    case 'schedule':
      return `${icon} schedule ${action.purpose} at ${time(action.at, timeZone)} (${action.reason.detail})`;
    case 'handoff':
      return `${icon} handoff to a person: ${action.reason.detail}${action.suggestion ? ` (suggest ${action.suggestion.ruleId} ${action.suggestion.score.toFixed(2)})` : ''}`;
    case 'log':
      return `${icon} ${action.reason.code}: ${action.reason.detail}`;
  }
}
