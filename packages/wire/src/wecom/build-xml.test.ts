import { describe, expect, it } from 'vitest';
import { buildXml } from './build-xml.ts';
import { parseXml } from './parse-xml.ts';
import { XmlError } from './xml-error.ts';

describe('buildXml', () => {
  it('should put strings in CDATA and numbers as text, in field order', () => {
    expect(buildXml({ ToUserName: 'ww123', CreateTime: 1348831860, Content: '你好' })).toBe(
      '<xml><ToUserName><![CDATA[ww123]]></ToUserName><CreateTime>1348831860</CreateTime><Content><![CDATA[你好]]></Content></xml>',
    );
  });

  it('should split ]]> across CDATA sections so every string round-trips', () => {
    expect(buildXml({ A: 'a]]>b' })).toBe('<xml><A><![CDATA[a]]]]><![CDATA[>b]]></A></xml>');
    const fields = { A: ']]>', B: ']]]]>>', C: '<x>&amp;</x>', D: '', E: 'line\nbreak\ttab', F: '-1.5' };
    expect(parseXml(buildXml(fields))).toEqual(fields);
    expect(parseXml(buildXml({ N: -12.5 }))).toEqual({ N: '-12.5' });
  });

  it('should throw XmlError on bad names, non-finite numbers and characters XML cannot carry', () => {
    expect(() => buildXml({ 'a b': 'x' })).toThrow(XmlError);
    expect(() => buildXml({ '': 'x' })).toThrow(XmlError);
    expect(() => buildXml({ A: Number.NaN })).toThrow(XmlError);
    expect(() => buildXml({ A: 'bell\u0007' })).toThrow(XmlError);
    expect(() => buildXml({ A: null as unknown as string })).toThrow(XmlError);
  });
});
