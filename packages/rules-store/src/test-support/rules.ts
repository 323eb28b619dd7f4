import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const RULES_DIR = new URL('../../../../rules', import.meta.url).pathname;

/** The repository's rules as one document (what `cs rules push` sends), read afresh for each test. */
export function repoRules(): Record<string, unknown> {
  const document: Record<string, unknown> = {};
  for (const name of readdirSync(RULES_DIR).sort()) {
    if (name.endsWith('.json')) document[name.slice(0, -5)] = JSON.parse(readFileSync(join(RULES_DIR, name), 'utf8'));
  }
  document.faq = readdirSync(join(RULES_DIR, 'faq')).filter((f) => f.endsWith('.json')).sort().map((f) => JSON.parse(readFileSync(join(RULES_DIR, 'faq', f), 'utf8')) as unknown);
  return document;
}
