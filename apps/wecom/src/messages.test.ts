import { describe, expect, it } from 'vitest';
import { PLACEHOLDERS, toEnvelope } from './messages.ts';

const base = { msgid: 'MSG1', open_kfid: 'wkShop', external_userid: 'wmBuyer', send_time: 1_700_000_000 };

describe('toEnvelope', () => {
  it('should map a customer text to a buyer message of that shop and buyer, at send_time', () => {
    expect(toEnvelope({ ...base, origin: 3, msgtype: 'text', text: { content: '几天发货', menu_id: '' } })).toEqual({
      kind: 'envelope',
      envelope: { event: { kind: 'buyer_message', id: 'MSG1', platform: 'wecom', shopId: 'wkShop', buyerId: 'wmBuyer', at: 1_700_000_000_000, text: '几天发货' } },
    });
  });

  it('should give every non-text customer message a placeholder, so a person takes it', () => {
    for (const [msgtype, placeholder] of Object.entries(PLACEHOLDERS)) {
      const mapped = toEnvelope({ ...base, origin: 3, msgtype, [msgtype]: { media_id: 'M' } });
      expect(mapped).toMatchObject({ kind: 'envelope', envelope: { event: { kind: 'buyer_message', text: placeholder } } });
    }
  });

  it('should map a servicer message to an agent message', () => {
    expect(toEnvelope({ ...base, origin: 5, servicer_userid: 'zhangsan', msgtype: 'text', text: { content: '您好' } })).toMatchObject({
      kind: 'envelope',
      envelope: { event: { kind: 'agent_message', shopId: 'wkShop', buyerId: 'wmBuyer', text: '您好' } },
    });
    expect(toEnvelope({ ...base, origin: 5, msgtype: 'image', image: {} })).toMatchObject({ envelope: { event: { kind: 'agent_message', text: '[图片]' } } });
  });

  it('should map enter_session, with its welcome_code and when it was issued', () => {
    const event = { event_type: 'enter_session', open_kfid: 'wkShop', external_userid: 'wmNew', scene: '', scene_param: '', welcome_code: 'CODE1' };
    expect(toEnvelope({ msgid: 'E1', send_time: 1_700_000_000, origin: 4, msgtype: 'event', event })).toEqual({
      kind: 'envelope',
      envelope: {
        event: { kind: 'session_enter', id: 'E1', platform: 'wecom', shopId: 'wkShop', buyerId: 'wmNew', at: 1_700_000_000_000 },
        channel: { welcome_code: 'CODE1', welcome_code_at: '1700000000000' },
      },
    });
    const { welcome_code: _, ...withoutCode } = event;
    expect(toEnvelope({ msgid: 'E2', send_time: 1, origin: 4, msgtype: 'event', event: withoutCode })).toEqual({
      kind: 'envelope',
      envelope: { event: { kind: 'session_enter', id: 'E2', platform: 'wecom', shopId: 'wkShop', buyerId: 'wmNew', at: 1000 } },
    });
  });

  it('should ignore other events, unknown message types and broken items, saying what they were', () => {
    const event = (type: string) => ({ msgid: 'E', send_time: 1, origin: 4, msgtype: 'event', event: { event_type: type } });
    expect(toEnvelope(event('msg_send_fail'))).toEqual({ kind: 'ignored', what: 'event msg_send_fail' });
    expect(toEnvelope(event('session_status_change'))).toEqual({ kind: 'ignored', what: 'event session_status_change' });
    expect(toEnvelope({ ...base, origin: 3, msgtype: 'hologram' })).toEqual({ kind: 'ignored', what: 'msgtype hologram' });
    expect(toEnvelope({ ...base, origin: 3, msgtype: 'text', text: { content: '' } })).toEqual({ kind: 'ignored', what: 'empty text' });
    expect(toEnvelope({ ...base, origin: 9, msgtype: 'text', text: { content: 'x' } })).toEqual({ kind: 'ignored', what: 'origin 9' });
    expect(toEnvelope({ origin: 3, msgtype: 'text' })).toEqual({ kind: 'ignored', what: 'item without msgid/msgtype' });
    expect(toEnvelope({ msgid: 'X', origin: 3, msgtype: 'text', text: { content: 'x' } })).toEqual({ kind: 'ignored', what: 'text without open_kfid/external_userid' });
    for (const junk of [null, 'text', 42, [], { msgid: 1, msgtype: 'text' }]) expect(toEnvelope(junk).kind).toBe('ignored');
  });
});
