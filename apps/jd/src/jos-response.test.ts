import { describe, expect, it } from 'vitest';
import { readJosResponse } from './jos-response.ts';

describe('readJosResponse', () => {
  it('should unwrap the single response object of a success', () => {
    const body = '{"jingdong_im_pop_chatlog_get_responce":{"code":"0","ChatLog":{"totalRecord":0}}}';
    expect(readJosResponse(200, body)).toEqual({ kind: 'ok', key: 'jingdong_im_pop_chatlog_get_responce', payload: { code: '0', ChatLog: { totalRecord: 0 } } });
  });

  it('should read error_response, with a numeric or string code', () => {
    expect(readJosResponse(200, '{"error_response":{"code":"12","zh_desc":"无效签名","en_desc":"Invalid signature"}}')).toEqual({ kind: 'error', code: '12', zhDesc: '无效签名', enDesc: 'Invalid signature' });
    expect(readJosResponse(200, '{"error_response":{"code":12}}')).toEqual({ kind: 'error', code: '12' });
  });

  it('should call anything else unreadable instead of throwing', () => {
    expect(readJosResponse(502, '<html>Bad Gateway</html>')).toEqual({ kind: 'unreadable', reason: 'HTTP 502' });
    expect(readJosResponse(200, '<html>')).toEqual({ kind: 'unreadable', reason: 'body is not JSON' });
    expect(readJosResponse(200, '[1]')).toEqual({ kind: 'unreadable', reason: 'body is not a JSON object' });
    expect(readJosResponse(200, '{}')).toEqual({ kind: 'unreadable', reason: 'no response object' });
    expect(readJosResponse(200, '{"x_responce":"nope"}')).toEqual({ kind: 'unreadable', reason: 'no response object' });
  });
});
