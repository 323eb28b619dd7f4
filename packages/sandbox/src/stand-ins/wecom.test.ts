import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../server/sandbox.ts';
import { wecom } from './wecom.ts';
import { EXPIRE_TOKEN_INBOX } from './wecom-tokens.ts';

const credentials = wecom.credentials as Record<'WECOM_CORP_ID' | 'WECOM_SECRET', string>;
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ standIns: [wecom], config: credentials });
});
afterAll(() => sandbox.close());

type Answer = Record<string, unknown> & { errcode: number; errmsg: string };
const getToken = async (corpid = credentials.WECOM_CORP_ID, corpsecret = credentials.WECOM_SECRET) =>
  (await (await fetch(`${sandbox.url}/cgi-bin/gettoken?corpid=${corpid}&corpsecret=${corpsecret}`)).json()) as Answer;
const token = async () => (await getToken()).access_token as string;
const kf = async (api: string, body: unknown, accessToken?: string) => {
  const query = accessToken === undefined ? '' : `?access_token=${accessToken}`;
  const response = await fetch(`${sandbox.url}/cgi-bin/kf/${api}${query}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.status).toBe(200); // WeCom reports every error in the body
  return (await response.json()) as Answer;
};
const queue = (key: string, items: unknown[]) => fetch(`${sandbox.url}/__sandbox/inbox/${encodeURIComponent(key)}`, { method: 'POST', body: JSON.stringify(items) });
const text = (msgid: string, content = '你好') => ({ msgid, open_kfid: 'wkStandIn', external_userid: 'wmBuyer', send_time: 1_700_000_000, origin: 3, msgtype: 'text', text: { content } });

describe('wecom stand-in', () => {
  it('should issue one access_token for the right corpid and secret, and refuse wrong ones', async () => {
    const first = await getToken();
    expect(first).toEqual({ errcode: 0, errmsg: 'ok', access_token: expect.any(String), expires_in: 7200 });
    expect((await getToken()).access_token).toBe(first.access_token);
    expect((await getToken('wwOther')).errcode).toBe(40013);
    expect((await getToken(credentials.WECOM_CORP_ID, 'guess')).errcode).toBe(40001);
  });

  it('should refuse kf calls without a valid access_token', async () => {
    expect((await kf('send_msg', {})).errcode).toBe(41001);
    expect((await kf('send_msg', {}, 'forged')).errcode).toBe(40014);
  });

  it('should page sync_msg with a cursor that only moves forward', async () => {
    await queue('wecom:wkStandIn', [text('m1'), text('m2'), text('m3')]);
    const t = await token();
    const first = await kf('sync_msg', { open_kfid: 'wkStandIn', limit: 2 }, t);
    expect(first).toMatchObject({ errcode: 0, has_more: 1, msg_list: [{ msgid: 'm1' }, { msgid: 'm2' }] });
    const second = await kf('sync_msg', { open_kfid: 'wkStandIn', limit: 2, cursor: first.next_cursor }, t);
    expect(second).toMatchObject({ errcode: 0, has_more: 0, msg_list: [{ msgid: 'm3' }] });
    const empty = await kf('sync_msg', { open_kfid: 'wkStandIn', cursor: second.next_cursor }, t);
    expect(empty).toMatchObject({ errcode: 0, has_more: 0, msg_list: [], next_cursor: second.next_cursor });
    expect((await kf('sync_msg', { open_kfid: 'wkOther', cursor: first.next_cursor }, t)).errcode).toBe(40035);
    expect((await kf('sync_msg', { open_kfid: 'wkStandIn', limit: 1001 }, t)).errcode).toBe(40035);
  });

  it('should check send_msg fields, msgid and the 2048-byte limit', async () => {
    const t = await token();
    const message = { touser: 'wmBuyer', open_kfid: 'wkStandIn', msgid: 'abc_DEF-123', msgtype: 'text', text: { content: '好'.repeat(682) } };
    expect(await kf('send_msg', message, t)).toEqual({ errcode: 0, errmsg: 'ok', msgid: 'abc_DEF-123' });
    expect((await kf('send_msg', { ...message, text: { content: '好'.repeat(683) } }, t)).errcode).toBe(45002);
    expect((await kf('send_msg', { ...message, msgid: 'x'.repeat(33) }, t)).errcode).toBe(40035);
    expect((await kf('send_msg', { ...message, msgid: 'a#1' }, t)).errcode).toBe(40035);
    expect((await kf('send_msg', { ...message, touser: undefined }, t)).errcode).toBe(40035);
  });

  it('should take a welcome_code once, and only one that sync_msg handed out', async () => {
    const enter = { msgid: 'e1', send_time: 1_700_000_000, origin: 4, msgtype: 'event', event: { event_type: 'enter_session', open_kfid: 'wkWelcome', external_userid: 'wmNew', welcome_code: 'WELCOME1' } };
    await queue('wecom:wkWelcome', [enter]);
    const t = await token();
    const greeting = { code: 'WELCOME1', msgid: 'w1', msgtype: 'text', text: { content: '欢迎' } };
    expect((await kf('send_msg_on_event', greeting, t)).errcode).toBe(40035);
    await kf('sync_msg', { open_kfid: 'wkWelcome' }, t);
    expect(await kf('send_msg_on_event', greeting, t)).toEqual({ errcode: 0, errmsg: 'ok', msgid: 'w1' });
    expect((await kf('send_msg_on_event', greeting, t)).errmsg).toMatch(/already used/);
  });

  it('should expire every token when a scripted expiry matches, then issue a new one', async () => {
    const t = await token();
    await queue(EXPIRE_TOKEN_INBOX, [{ api: 'send_msg', touser: 'wmExpiring' }]);
    const message = { touser: 'wmOther', open_kfid: 'wkStandIn', msgtype: 'text', text: { content: 'hi' } };
    expect((await kf('send_msg', message, t)).errcode).toBe(0);
    expect((await kf('send_msg', { ...message, touser: 'wmExpiring' }, t)).errcode).toBe(42001);
    expect((await kf('send_msg', message, t)).errcode).toBe(42001);
    const renewed = await token();
    expect(renewed).not.toBe(t);
    expect((await kf('send_msg', message, renewed)).errcode).toBe(0);
  });
});
