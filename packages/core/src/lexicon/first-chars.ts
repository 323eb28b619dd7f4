// Characters that need no escaping and stand for themselves: letters, digits, ideographs.
const LITERAL = /^[\p{L}\p{N}]$/u;

/**
 * Walk a regular expression's source from `from`, calling `visit` with each structural character
 * ("(", ")", "|") and the group depth before it; escapes and character classes are skipped.
 * Stops early when `visit` returns true; returns the index it stopped at, or -1.
 */
function scan(source: string, from: number, visit: (ch: string, i: number, depth: number) => boolean): number {
  let depth = 0;
  let inClass = false;
  for (let i = from; i < source.length; i += 1) {
    const ch = source[i] ?? '';
    if (ch === '\\') i += 1;
    else if (inClass) inClass = ch !== ']';
    else if (ch === '[') inClass = true;
    else if (ch === '(' || ch === ')' || ch === '|') {
      if (visit(ch, i, depth)) return i;
      depth += ch === '(' ? 1 : ch === ')' ? -1 : 0;
    }
  }
  return -1;
}

/** The index just past the group that opens at `open` (which must be "("), or -1. */
function groupEnd(source: string, open: number): number {
  const close = scan(source, open, (ch, _, depth) => ch === ')' && depth === 1);
  return close === -1 ? -1 : close + 1;
}

/** Split a group body at its top-level "|"; undefined when its parentheses do not balance. */
function alternatives(body: string): string[] | undefined {
  const parts: string[] = [];
  let from = 0;
  let balanced = true;
  let last = 0;
  scan(body, 0, (ch, i, depth) => {
    if (ch === '|' && depth === 0) {
      parts.push(body.slice(from, i));
      from = i + 1;
    }
    if (ch === ')' && depth === 0) balanced = false;
    last = depth + (ch === '(' ? 1 : ch === ')' ? -1 : 0);
    return false;
  });
  if (!balanced || last !== 0) return undefined;
  parts.push(body.slice(from));
  return parts;
}

/** Whether the element ending at `end` is made optional by a quantifier (?, *, {0…}). */
function optionalAfter(source: string, end: number): boolean {
  const next = source[end];
  return next === '?' || next === '*' || (next === '{' && source[end + 1] === '0');
}

/** First characters of `source[from, to)` read as an alternation: the union over its branches. */
function ofAlternation(source: string, from: number, to: number): Set<string> | undefined {
  const parts = alternatives(source.slice(from, to));
  if (!parts) return undefined;
  const chars = new Set<string>();
  let offset = from;
  for (const part of parts) {
    const sub = ofSequence(source, offset, offset + part.length);
    if (!sub) return undefined;
    for (const c of sub) chars.add(c);
    offset += part.length + 1;
  }
  return chars;
}

/** First characters of one branch: what its first consuming element (or lookahead) starts with. */
function ofSequence(source: string, from: number, to: number): Set<string> | undefined {
  let i = from;
  // Skip assertions that consume nothing and do not constrain the first character.
  while (source.startsWith('(?<!', i) || source.startsWith('(?<=', i) || source.startsWith('(?!', i)) {
    const end = groupEnd(source, i);
    if (end === -1 || end > to) return undefined;
    i = end;
  }
  if (i >= to) return undefined;
  if (source.startsWith('(?=', i) || source.startsWith('(?:', i) || (source[i] === '(' && source[i + 1] !== '?')) {
    const end = groupEnd(source, i);
    if (end === -1 || end > to) return undefined;
    if (!source.startsWith('(?=', i) && optionalAfter(source, end)) return undefined;
    return ofAlternation(source, source[i + 1] === '?' ? i + 3 : i + 1, end - 1);
  }
  const first = String.fromCodePoint(source.codePointAt(i) ?? 0);
  if (!LITERAL.test(first) || optionalAfter(source, i + first.length)) return undefined;
  return new Set([first]);
}

/**
 * The characters a match of this regular expression can start with, or undefined when that cannot
 * be worked out with certainty — then the caller must run the expression. Zero-width lookbehinds
 * and negative lookaheads at the start are skipped; a leading positive lookahead or group is read
 * through its alternatives, each of which must begin with a literal character that is not optional.
 *
 * @example firstChars('(?<!不)(?:投诉|举报)') // Set { '投', '举' }
 */
export function firstChars(source: string): Set<string> | undefined {
  return ofAlternation(source, 0, source.length);
}
