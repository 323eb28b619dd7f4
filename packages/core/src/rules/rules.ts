import { z } from 'zod';
import { allowedVariables, templateVariables } from '../template/variables.ts';
import { complaintSchema } from './complaint.ts';
import { complianceSchema } from './compliance.ts';
import { faqRuleSchema } from './faq.ts';
import { handoffSchema } from './handoff.ts';
import { hoursSchema } from './hours.ts';
import { notifySchema } from './notify.ts';
import { policiesSchema } from './policies.ts';
import { scriptEntries } from './script-entries.ts';
import { scriptsSchema } from './scripts.ts';
import { shopSchema } from './shop.ts';
import { slaSchema } from './sla.ts';

const rulesShape = z.strictObject({
  /** Set by `cs rules push`; informational. */
  version: z.string().optional(),
  shop: shopSchema,
  hours: hoursSchema,
  scripts: scriptsSchema,
  policies: policiesSchema.default(policiesSchema.parse({})),
  faq: z.array(faqRuleSchema).default([]),
  complaint: complaintSchema,
  handoff: handoffSchema,
  sla: slaSchema,
  compliance: complianceSchema,
  notify: notifySchema.default(notifySchema.parse({})),
});

/**
 * The whole rule set of a shop, as stored in KV and in `rules/`. Template variables are checked
 * here, when rules load, so a typo never reaches a buyer at send time.
 */
export const rulesSchema = rulesShape.superRefine((rules, ctx) => {
  for (const { path, kind, text } of scriptEntries(rules)) {
    const allowed = allowedVariables(kind);
    for (const name of templateVariables(text)) {
      if (!allowed.includes(name)) {
        ctx.addIssue({
          code: 'custom',
          path,
          message: `unknown template variable {{${name}}} (allowed here: ${allowed.join(', ')})`,
        });
      }
    }
  }
  const seen = new Map<string, number>();
  for (const [i, rule] of rules.faq.entries()) {
    const first = seen.get(rule.id);
    if (first !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['faq', i, 'id'], message: `duplicate FAQ id "${rule.id}" (also faq[${first}])` });
    } else seen.set(rule.id, i);
  }
  if (!rules.shop.couriers.includes(rules.shop.defaultCourier)) {
    ctx.addIssue({ code: 'custom', path: ['shop', 'defaultCourier'], message: 'must be one of shop.couriers' });
  }
});

/** The top-level keys of a rules document (a layer may hold any of them and nothing else). */
export const RULES_KEYS: readonly string[] = Object.keys(rulesShape.shape);

/** A validated rule set (defaults applied). */
export type Rules = z.output<typeof rulesSchema>;
/** A rule set as written by a shop (defaults may be omitted). */
export type RulesInput = z.input<typeof rulesSchema>;
