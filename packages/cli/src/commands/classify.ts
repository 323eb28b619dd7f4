import { createInterface } from 'node:readline';
import { classifyMessage, type Engine } from '@kefu/core';
import { z } from 'zod';

const lineSchema = z.object({ id: z.union([z.string(), z.number()]), text: z.string() });

/**
 * `cs classify`: JSON lines `{"id","text"}` in, one JSON line per input out, same order:
 * `{"id","intent","escalate","ruleId","score","reasons"}`. A bad line yields `{"id","error"}` and
 * exit code 1 at the end; blank lines are skipped.
 */
export async function classify(engine: Engine, input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Promise<number> {
  let failed = 0;
  let buffer = '';
  const flush = async (): Promise<void> => {
    if (!buffer) return;
    const chunk = buffer;
    buffer = '';
    if (!output.write(chunk)) await new Promise((resolve) => output.once('drain', resolve));
  };
  for await (const raw of createInterface({ input, crlfDelay: Infinity })) {
    if (raw.trim() === '') continue;
    let line: string;
    try {
      const parsed = lineSchema.safeParse(JSON.parse(raw));
      if (parsed.success) {
        line = JSON.stringify({ id: parsed.data.id, ...classifyMessage(engine, parsed.data.text) });
      } else {
        failed += 1;
        const id = (JSON.parse(raw) as { id?: unknown })?.id ?? null;
        line = JSON.stringify({ id, error: `expected {"id": string|number, "text": string}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'line'} ${i.message}`).join('; ')}` });
      }
    } catch (error) {
      failed += 1;
      line = JSON.stringify({ id: null, error: `not JSON: ${(error as Error).message}` });
    }
    buffer += `${line}\n`;
    if (buffer.length > 64 * 1024) await flush();
  }
  await flush();
  return failed > 0 ? 1 : 0;
}
