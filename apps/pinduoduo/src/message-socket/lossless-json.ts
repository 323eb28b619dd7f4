/**
 * `JSON.parse` that keeps big integers exact. PDD ids are Java longs (pdd-rs reads them as i128):
 * past 2^53 a JS number rounds, and an Ack carrying a rounded id would never match its message,
 * so the server would redeliver forever. Integer literals of 16+ digits (outside strings) become
 * decimal strings before parsing. Throws like `JSON.parse` on bad JSON.
 */
export function parseLossless(text: string): unknown {
  let out = '';
  let inString = false;
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (inString) {
      out += ch;
      if (ch === '\\') out += text[++i] ?? '';
      else if (ch === '"') inString = false;
      i += 1;
      continue;
    }
    if (ch === '"') inString = true;
    const number = ch === '-' || (ch >= '0' && ch <= '9') ? /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400))?.[0] : undefined;
    if (number) {
      out += /^-?\d{16,}$/.test(number) ? `"${number}"` : number;
      i += number.length;
      continue;
    }
    out += ch;
    i += 1;
  }
  return JSON.parse(out);
}
