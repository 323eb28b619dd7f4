import { SEVERITIES, type NotifyRules, type Severity } from '@kefu/core';

/** Which channels hear about an escalation of this severity, and whom each should @. */
export function routesFor(severity: Severity, notify: NotifyRules): Map<string, string[]> {
  const rank = SEVERITIES.indexOf(severity);
  const out = new Map<string, string[]>();
  for (const route of notify.routes) {
    if (rank < SEVERITIES.indexOf(route.minSeverity)) continue;
    for (const channel of route.channels) out.set(channel, [...new Set([...(out.get(channel) ?? []), ...route.mention])]);
  }
  return out;
}
