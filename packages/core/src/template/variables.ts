/** Variables every script may use; values come from the shop profile. */
export const SHOP_VARIABLES = [
  'shop.name',
  'shop.shipWithinHours',
  'shop.defaultCourier',
  'shop.couriers',
  'shop.returnDays',
  'shop.replyWithin',
] as const;

/** Extra variables that only make sense in one kind of script. */
export const SCRIPT_VARIABLES = {
  away: ['nextOpen'],
  orderShipped: ['order.courier', 'order.trackingNo'],
} as const satisfies Record<string, readonly string[]>;

export type TemplateVariable =
  | (typeof SHOP_VARIABLES)[number]
  | (typeof SCRIPT_VARIABLES)[keyof typeof SCRIPT_VARIABLES][number];

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The variable names a template refers to, in order of appearance. */
export function templateVariables(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '');
}

/** The variables allowed in a script of this kind (`faq` answers get the shop's only). */
export function allowedVariables(scriptKind: string): readonly string[] {
  const extra = (SCRIPT_VARIABLES as Record<string, readonly string[]>)[scriptKind] ?? [];
  return [...SHOP_VARIABLES, ...extra];
}
