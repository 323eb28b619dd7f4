import { describe, expect, it } from 'vitest';
import { parseXml } from './parse-xml.ts';
import { XmlError } from './xml-error.ts';

describe('parseXml', () => {
  it('should parse a real-looking 微信客服 callback with a declaration and line breaks', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<xml>
  <ToUserName><![CDATA[ww12345678910]]></ToUserName>
  <CreateTime>1348831860</CreateTime>
  <MsgType><![CDATA[event]]></MsgType>
  <Event><![CDATA[kf_msg_or_event]]></Event>
  <Token><![CDATA[ENCApHxnGDNAVNY4AaSJKj4Tb5mwsEMzxhFmHVGcra996NR]]></Token>
  <OpenKfId><![CDATA[wkxxxxxxx]]></OpenKfId>
</xml>
`;
    expect(parseXml(xml)).toEqual({
      ToUserName: 'ww12345678910',
      CreateTime: '1348831860',
      MsgType: 'event',
      Event: 'kf_msg_or_event',
      Token: 'ENCApHxnGDNAVNY4AaSJKj4Tb5mwsEMzxhFmHVGcra996NR',
      OpenKfId: 'wkxxxxxxx',
    });
  });

  it('should decode entities, join split CDATA and keep markup inside CDATA as text', () => {
    const xml = '<xml><A>a &lt;b&gt; &amp; &#20320;&#x597D;</A><B><![CDATA[x]]]]><![CDATA[>y]]></B><C><![CDATA[<p>&amp;</p>]]></C></xml>';
    expect(parseXml(xml)).toEqual({ A: 'a <b> & 你好', B: 'x]]>y', C: '<p>&amp;</p>' });
  });

  it('should read empty and self-closing fields as empty strings', () => {
    expect(parseXml('<xml><A></A><B/><C /><D><![CDATA[]]></D></xml>')).toEqual({ A: '', B: '', C: '', D: '' });
    expect(parseXml('<xml></xml>')).toEqual({});
  });

  it('should keep a __proto__ field as a plain own key', () => {
    const fields = parseXml('<xml><__proto__>x</__proto__></xml>');
    expect(Object.getPrototypeOf(fields)).toBe(Object.prototype);
    expect(Object.hasOwn(fields, '__proto__')).toBe(true);
  });

  it('should throw XmlError on malformed or non-flat input', () => {
    const bad = [
      '',
      'hello',
      '<xml>',
      '<xml><A>1</A>',
      '<xml><A>1</B></xml>',
      '<xml><A><B>1</B></A></xml>',
      '<xml a="1"></xml>',
      '<xml><A id="1">x</A></xml>',
      '<root><A>1</A></root>',
      '<xml/>',
      '<xml><A>1</A></xml><xml></xml>',
      '<xml><A>1</A></xml>trailing',
      '<xml>text<A>1</A></xml>',
      '<xml><A>1</A><A>2</A></xml>',
      '<xml><A><![CDATA[x</A></xml>',
      '<!DOCTYPE xml [<!ENTITY e "boom">]><xml><A>&e;</A></xml>',
      '<xml><!-- note --><A>1</A></xml>',
      '<xml><A>&foo;</A></xml>',
      '<xml><A>fish & chips</A></xml>',
      '<xml><A>&#0;</A></xml>',
      '<xml><A>&#xD800;</A></xml>',
      '<xml><ns:A>1</ns:A></xml>',
      '<xml><1A>1</1A></xml>',
    ];
    for (const xml of bad) expect(() => parseXml(xml), xml).toThrow(XmlError);
    expect(() => parseXml(undefined as unknown as string)).toThrow(XmlError);
  });

  it('should report where parsing stopped', () => {
    const error = (() => {
      try {
        parseXml('<xml><A><B>1</B></A></xml>');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(XmlError);
    expect((error as XmlError).offset).toBe(8);
  });

  it('should stay linear on adversarial input and refuse input over 1 MiB', () => {
    const started = performance.now();
    expect(() => parseXml(`<xml><A>${'<![CDATA['.repeat(100_000)}`)).toThrow(XmlError);
    expect(parseXml(`<xml><A>${'&amp;'.repeat(150_000)}</A></xml>`).A).toHaveLength(150_000);
    expect(() => parseXml(`<xml><A>${'&'.repeat(500_000)}</A></xml>`)).toThrow(XmlError);
    expect(() => parseXml(`<xml>${'<A>1</A>'.repeat(100_000)}</xml>`)).toThrow(XmlError);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(() => parseXml(`<xml><A>${'x'.repeat(1 << 20)}</A></xml>`)).toThrow(/over/);
  });
});
