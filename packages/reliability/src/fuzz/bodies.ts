import type { Random } from '../support/index.ts';

/** What a route takes: its format, a body it would accept, and its size limit in bytes. */
export type FuzzTarget = { format: 'json' | 'xml'; template: () => string; limit: number };

/** How a body was broken. */
export const FUZZ_KINDS = ['random-bytes', 'truncated', 'huge-field', 'oversized', 'wrong-types', 'deep-nesting', 'bad-utf8', 'edge-syntax', 'empty'] as const;
export type FuzzKind = (typeof FUZZ_KINDS)[number];

/** Relative weights: mostly cheap bodies, a few large ones (oversized bodies cost real bandwidth). */
const WEIGHTS: Record<FuzzKind, number> = { 'random-bytes': 16, truncated: 16, 'huge-field': 4, oversized: 2, 'wrong-types': 24, 'deep-nesting': 6, 'bad-utf8': 14, 'edge-syntax': 14, empty: 4 };

export type FuzzBody = { kind: FuzzKind; bytes: Uint8Array };

const enc = new TextEncoder();

/** One broken body for a route. */
export function fuzzBody(r: Random, target: FuzzTarget): FuzzBody {
  const kind = weighted(r);
  return { kind, bytes: MAKERS[kind](r, target) };
}

function weighted(r: Random): FuzzKind {
  const total = Object.values(WEIGHTS).reduce((a, b) => a + b, 0);
  let x = r.next() * total;
  for (const kind of FUZZ_KINDS) {
    x -= WEIGHTS[kind];
    if (x < 0) return kind;
  }
  return 'empty';
}

const MAKERS: Record<FuzzKind, (r: Random, t: FuzzTarget) => Uint8Array> = {
  'random-bytes': (r) => r.bytes(r.pick([1, 7, 64, 512, 4096, 20_000])),
  truncated: (r, t) => {
    const body = enc.encode(t.template());
    return body.slice(0, r.int(body.length));
  },
  // A field sized around the limit: just under (a schema's own length limit must answer), at it, just over.
  'huge-field': (r, t) => {
    const size = Math.max(0, t.limit + r.pick([-4096, -300, 0, 1, 2048]) - t.template().length);
    const filler = r.pick(['x', '好', '\\u0000', '"']).repeat(Math.ceil(size / 2));
    return enc.encode(t.format === 'json' ? replaceFirstString(t.template(), filler) : t.template().replace(/<!\[CDATA\[[^\]]*\]\]>/, `<![CDATA[${filler}]]>`));
  },
  oversized: (r, t) => r.bytes(t.limit + r.pick([1, 1024, 64 * 1024, t.limit])),
  'wrong-types': (r, t) => enc.encode(t.format === 'json' ? mutateJson(r, t.template()) : mutateXml(r, t.template())),
  'deep-nesting': (r, t) => {
    const depth = Math.min(r.pick([100, 1000, 10_000, 50_000]), Math.floor(t.limit / 12));
    if (t.format === 'xml') return enc.encode(`<xml>${'<a>'.repeat(depth)}x${'</a>'.repeat(depth)}</xml>`);
    return enc.encode(r.chance(0.5) ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`);
  },
  'bad-utf8': (r, t) => {
    const body = enc.encode(t.template());
    const bad = r.pick([[0xff], [0xc3, 0x28], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xe2, 0x82], [0x80]]);
    const at = r.int(body.length + 1);
    return Uint8Array.from([...body.slice(0, at), ...bad, ...body.slice(at)]);
  },
  'edge-syntax': (r, t) => enc.encode(r.pick(t.format === 'json' ? JSON_EDGES : XML_EDGES)(t.template())),
  empty: () => new Uint8Array(0),
};

/** JSON a careless parser mishandles. */
const JSON_EDGES: ((template: string) => string)[] = [
  (s) => `\uFEFF${s}`,
  (s) => s.replace('{', '{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}},'),
  (s) => s.replace(/"([^"]*)":/, '"$1":1e400,"$1":'),
  (s) => s.replace(/:\s*"[^"]*"/, ':"\\ud800\\udfff\\ud800"'),
  (s) => s.replace(/:\s*\d+/, ':NaN'),
  (s) => `${s}${s}`,
  (s) => s.replaceAll('"', "'"),
  () => 'null',
  () => '"just a string"',
  () => '12345678901234567890123456789',
  () => '[]',
  () => '{}',
  (s) => s.slice(0, -1),
  (s) => s.replace(/"[^"]*"/, '"\u0000\u0001\u001f"'),
];

/** XML a careless parser mishandles (entities, DOCTYPE, nesting, attributes). */
const XML_EDGES: ((template: string) => string)[] = [
  () => '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><xml><Encrypt>&lol2;</Encrypt></xml>',
  () => '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><xml><Encrypt>&xxe;</Encrypt></xml>',
  (s) => s.replace('<xml>', '<xml attr="1">'),
  (s) => s.replace('</xml>', '</xml><xml></xml>'),
  (s) => s.replace(/<(\w+)>/, '<$1><$1>'),
  (s) => s.replace(']]>', ']]]]><![CDATA[>'),
  (s) => s.replace('<xml>', '<xml><!-- comment -->'),
  (s) => s.replaceAll('<', '&lt;'),
  () => '<xml><Encrypt>&#xFFFFFFFF;&#0;&bogus;</Encrypt></xml>',
  () => '<xml>',
  () => '<xml/>',
  (s) => s.replace('xml', 'XML'),
];

function replaceFirstString(json: string, filler: string): string {
  return json.replace(/"text":"[^"]*"|:"[^"]*"/, (m) => (m.startsWith('"text"') ? `"text":"${filler}"` : `:"${filler}"`));
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
const WRONG: Json[] = [null, 0, -1, 1.5, 1e21, true, false, '', 'x', [], [null], {}, { a: 1 }, '9'.repeat(40)];

/** Replace one value anywhere in the document with a value of another type. */
function mutateJson(r: Random, template: string): string {
  const doc = JSON.parse(template) as Json;
  const holders: { parent: Json[] | { [k: string]: Json }; key: string | number }[] = [];
  const walk = (v: Json) => {
    if (Array.isArray(v)) v.forEach((x, i) => (holders.push({ parent: v, key: i }), walk(x)));
    else if (v && typeof v === 'object') for (const k of Object.keys(v)) holders.push({ parent: v, key: k }), walk(v[k] as Json);
  };
  walk(doc);
  const h = holders.length > 0 ? r.pick(holders) : undefined;
  if (!h) return JSON.stringify(r.pick(WRONG));
  (h.parent as Record<string | number, Json>)[h.key] = r.pick(WRONG);
  return JSON.stringify(doc);
}

/** Replace one field's content with something of another shape. */
function mutateXml(r: Random, template: string): string {
  const fields = [...template.matchAll(/<(\w+)>(<!\[CDATA\[[^\]]*\]\]>|[^<]*)<\/\1>/g)];
  const f = fields.length > 0 ? r.pick(fields) : undefined;
  if (!f) return template;
  const replacement = r.pick(['', '<b>nested</b>', '-1', '99999999999999999999', '<![CDATA[', 'a&b', '&amp;&lt;', ' '.repeat(1000)]);
  return template.replace(f[0], `<${f[1]}>${replacement}</${f[1]}>`);
}
