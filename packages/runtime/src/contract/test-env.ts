import type { RulesInput } from '@kefu/core';
import type { D1Migration } from 'cloudflare:test';
import type { RuntimeEnv } from '../env.ts';

/** Bindings the worker test config adds (packages/runtime/testing/vitest-config.ts). */
export type TestBindings = {
  DEFAULT_RULES: Record<string, unknown>;
  TEST_MIGRATIONS: D1Migration[];
  SANDBOX_URL: string;
};

export type TestEnv = RuntimeEnv & TestBindings;

/** The default rules, open around the clock so tests pass at any hour, with a short JD clock. */
export function testRules(env: TestEnv): RulesInput {
  const rules = structuredClone(env.DEFAULT_RULES) as unknown as RulesInput;
  const allDay = [{ start: '00:00', end: '24:00' }];
  rules.hours = { weekly: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay }, overrides: [] };
  return rules;
}
