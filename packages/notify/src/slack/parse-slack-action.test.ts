import { slackSignature } from '@kefu/wire';
import { describe, expect, it } from 'vitest';
import { CHANNELS, escalation, NOW, TZ } from '../test-support/fixtures.ts';
import { parseSlackAction } from './parse-slack-action.ts';
import { renderSlackEscalation } from './render-slack.ts';
import { verifySlackRequest } from './verify-slack-request.ts';

/** A block_actions payload the way Slack sends it when 认领 is pressed on our message. */
function pressed(action: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'block_actions',
    user: { id: 'U024BE7LH', username: 'xiaolu', name: 'xiaolu', team_id: 'T0KEFU01' },
    api_app_id: 'A0KEFU01',
    token: 'Shh_its_a_seekrit',
    container: { type: 'message', message_ts: '1732341850.000100', channel_id: 'C0KEFU01', is_ephemeral: false },
    trigger_id: '8323213457.4128901234.abcdef0123456789abcdef0123456789',
    team: { id: 'T0KEFU01', domain: 'kefu-team' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: 'C0KEFU01', name: 'kefu-escalations' },
    message: { type: 'message', subtype: 'bot_message', text: '【紧急】买家要求退款', ts: '1732341850.000100', bot_id: 'B0KEFU01', blocks: [] },
    state: { values: {} },
    response_url: 'https://hooks.slack.com/actions/T0KEFU01/6172835016/pRUaHbg8bVYmEaY1PXu9nRnF',
    actions: [{ ...action, block_id: 'bK1q', type: 'button', action_ts: '1732341855.771234' }],
    ...extra,
  };
}

const form = (payload: unknown) => new URLSearchParams({ payload: JSON.stringify(payload) }).toString();

describe('parseSlackAction', () => {
  it('should read a claim from the 认领 button of our own rendered message, after verifying it', () => {
    const rendered = JSON.parse(renderSlackEscalation(CHANNELS.slack, escalation(), NOW, TZ).body) as { blocks: { type: string; elements?: Record<string, unknown>[] }[] };
    const claimButton = rendered.blocks.find((b) => b.type === 'actions')?.elements?.[0] ?? {};
    const raw = form(pressed(claimButton));
    expect(raw).toMatch(/^payload=%7B%22type%22%3A%22block_actions%22/);
    const ts = String(Math.floor(NOW / 1000));
    expect(verifySlackRequest('signing-secret', ts, slackSignature('signing-secret', ts, raw), raw, NOW)).toEqual({ kind: 'ok' });
    expect(parseSlackAction(raw)).toEqual({
      kind: 'claim',
      escalationId: 'esc_01HZX3',
      userId: 'U024BE7LH',
      userName: 'xiaolu',
      responseUrl: 'https://hooks.slack.com/actions/T0KEFU01/6172835016/pRUaHbg8bVYmEaY1PXu9nRnF',
    });
  });

  it('should fall back to the user name when there is no username, and omit what is absent', () => {
    const payload = pressed({ action_id: 'claim', value: 'esc_9' }, { user: { id: 'U1', name: 'old-style' }, response_url: undefined });
    expect(parseSlackAction(form(payload))).toEqual({ kind: 'claim', escalationId: 'esc_9', userId: 'U1', userName: 'old-style' });
  });

  it('should ignore the 查看 URL button and other interaction types', () => {
    expect(parseSlackAction(form(pressed({ action_id: 'view', url: 'https://kefu.example.com/c/1' })))).toEqual({ kind: 'ignored', reason: 'no claim action (view)' });
    expect(parseSlackAction(form({ type: 'view_submission', user: { id: 'U1' } }))).toEqual({ kind: 'ignored', reason: 'interaction type view_submission' });
  });

  it('should call malformed what Slack would never send', () => {
    expect(parseSlackAction('token=abc')).toEqual({ kind: 'malformed', reason: 'no payload field' });
    expect(parseSlackAction('payload=%7Bnot-json')).toEqual({ kind: 'malformed', reason: 'payload is not JSON' });
    expect(parseSlackAction(form({ actions: [] })).kind).toBe('malformed');
    expect(parseSlackAction(form(pressed({ action_id: 'claim' })))).toEqual({ kind: 'malformed', reason: 'claim action without a value' });
    expect(parseSlackAction(form(pressed({ action_id: 'claim', value: 'esc_1' }, { user: undefined })))).toEqual({ kind: 'malformed', reason: 'block_actions without a user' });
  });
});
