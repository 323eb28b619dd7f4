import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseRules } from '@kefu/core';
import { describe, expect, it } from 'vitest';
import { allDayRules, badRules, type RulesDocument } from './rules.ts';

// The repository's rules directory read the way `cs` reads it (one document), without the CLI.
const dir = join(import.meta.dirname, '../../../../rules');
function defaults(): RulesDocument {
  const doc: RulesDocument = {};
  for (const name of readdirSync(dir)) {
    if (name.endsWith('.json')) doc[name.slice(0, -5)] = JSON.parse(readFileSync(join(dir, name), 'utf8'));
    else if (!name.includes('.')) doc[name] = readdirSync(join(dir, name)).sort().map((f) => JSON.parse(readFileSync(join(dir, name, f), 'utf8')));
  }
  return doc;
}

describe('allDayRules', () => {
  it('should stay valid, open every day around the clock, with SLA clocks at any hour', () => {
    const parsed = parseRules(allDayRules(defaults()));
    expect(parsed.kind).toBe('ok');
    if (parsed.kind !== 'ok') return;
    expect(parsed.rules.hours.weekly.wed).toEqual([{ start: '00:00', end: '24:00' }]);
    expect(parsed.rules.hours.overrides).toEqual([]);
    expect(Object.values(parsed.rules.sla).every((p) => p.serviceHours === undefined)).toBe(true);
  });
});

describe('badRules', () => {
  it('should be JSON the schema refuses, naming the bad field', () => {
    const parsed = parseRules(JSON.parse(JSON.stringify(badRules(allDayRules(defaults())))));
    expect(parsed.kind).toBe('invalid');
    if (parsed.kind === 'invalid') expect(parsed.errors.some((e) => e.path.includes('hours'))).toBe(true);
  });
});
