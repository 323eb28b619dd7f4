import { ComplaintDetector } from './complaint/detector.ts';
import { FaqMatcher } from './faq/matcher.ts';
import { BusinessCalendar } from './hours/calendar.ts';
import { renderDuration } from './hours/render.ts';
import { Lexicon } from './lexicon/lexicon.ts';
import type { Rules } from './rules/rules.ts';
import type { ShopProfile } from './rules/shop.ts';

/** A rule set compiled for fast decisions: build once per rules version, reuse for every event. */
export type Engine = {
  rules: Rules;
  faq: FaqMatcher;
  complaint: ComplaintDetector;
  handoff: Lexicon;
  calendar: BusinessCalendar;
  /** Values of the `{{shop.*}}` template variables. */
  shopValues: Readonly<Record<string, string>>;
};

/** Compile validated rules (see `parseRules`). Pure; costs a few milliseconds for the defaults. */
export function compileRules(rules: Rules): Engine {
  const { shop } = rules;
  return {
    rules,
    faq: new FaqMatcher(rules.faq, rules.policies.faq, rules.complaint.negation),
    complaint: new ComplaintDetector(rules.complaint),
    handoff: new Lexicon(rules.handoff, rules.complaint.negation),
    calendar: new BusinessCalendar(rules.hours, shop.timezone),
    shopValues: shopTemplateValues(shop),
  };
}

/** Values of the `{{shop.*}}` template variables (lint needs them without compiling the rules). */
export function shopTemplateValues(shop: ShopProfile): Readonly<Record<string, string>> {
  return {
    'shop.name': shop.name,
    'shop.shipWithinHours': String(shop.shipWithinHours),
    'shop.defaultCourier': shop.defaultCourier,
    'shop.couriers': shop.couriers.join('、'),
    'shop.returnDays': String(shop.returnDays),
    'shop.replyWithin': renderDuration(shop.replyWithinMinutes),
  };
}
