/** A rules document as stored in KV (see rules/README.md). */
export type RulesDocument = Record<string, unknown>;

const ALL_DAY = [{ start: '00:00', end: '24:00' }];
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/**
 * The default rules, open around the clock, with every platform's human-response clock running at
 * any hour: a run at 3 a.m. decides (greets, answers, escalates, starts SLA clocks) like one at noon.
 */
export function allDayRules(document: RulesDocument): RulesDocument {
  const rules = structuredClone(document);
  rules.hours = { weekly: Object.fromEntries(DAYS.map((d) => [d, ALL_DAY])), overrides: [] };
  const sla = rules.sla as Record<string, Record<string, unknown>> | undefined;
  for (const policy of Object.values(sla ?? {})) delete policy.serviceHours;
  return rules;
}

/**
 * Rules a shop might push by mistake: valid JSON, but the schema refuses them (a weekday's opening
 * hours given as a word). The worker must keep serving its last good version and alert the team.
 */
export function badRules(document: RulesDocument): RulesDocument {
  const rules = structuredClone(document);
  rules.hours = { ...(rules.hours as Record<string, unknown>), weekly: { ...((rules.hours as { weekly?: object }).weekly ?? {}), mon: 'always open' } };
  return rules;
}
