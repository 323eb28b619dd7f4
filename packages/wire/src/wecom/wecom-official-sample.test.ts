import { describe, expect, it } from 'vitest';
import { safeEqual } from '../digest/index.ts';
import { wecomSignature } from './msg-signature.ts';
import { parseXml } from './parse-xml.ts';
import { wecomDecrypt } from './wecom-crypto.ts';

// The sample values Tencent ships with WXBizMsgCrypt (WeCom's 加解密库 Sample, e.g. the C#
// Sample.cs), produced by Tencent's own implementation: an independent check of ours.
const TOKEN = 'QDG6eK';
const AES_KEY = 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C';
const CORP_ID = 'wx5823bf96d3bd56c7';
const POST_BODY =
  '<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName><Encrypt><![CDATA[RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==]]></Encrypt></xml>';

describe('WeCom official WXBizMsgCrypt sample', () => {
  it('should verify and decrypt the sample URL-verification echostr', async () => {
    const echostr = 'P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==';
    expect(wecomSignature(TOKEN, '1409659589', '263014780', echostr)).toBe('5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3');
    expect(await wecomDecrypt(AES_KEY, echostr, CORP_ID)).toBe('1616140317555161061');
  });

  it('should verify, decrypt and parse the sample callback (a pad of 30, past 16-byte PKCS#7)', async () => {
    const outer = parseXml(POST_BODY);
    const encrypt = outer.Encrypt ?? '';
    const signature = wecomSignature(TOKEN, '1409659813', '1372623149', encrypt);
    expect(safeEqual(signature, '477715d11cdb4164915debcba66cb864d751f3e6')).toBe(true);
    const inner = parseXml(await wecomDecrypt(AES_KEY, encrypt, CORP_ID));
    expect(inner).toEqual({
      ToUserName: 'wx5823bf96d3bd56c7',
      FromUserName: 'mycreate',
      CreateTime: '1409659813',
      MsgType: 'text',
      Content: 'hello',
      MsgId: '4561255354251345929',
      AgentID: '218',
    });
  });

  it('should reject the sample under another CorpID', async () => {
    await expect(wecomDecrypt(AES_KEY, parseXml(POST_BODY).Encrypt ?? '', 'wwOTHER')).rejects.toMatchObject({
      reason: 'receive_id_mismatch',
    });
  });
});
