import { generateFaqRules } from '../generate-rules.ts';

/**
 * A rules document (as stored in KV under `rules:global`) with `count` generated FAQ rules after
 * its own, everything else unchanged.
 */
export function withGeneratedFaq(document: Record<string, unknown>, count: number): Record<string, unknown> {
  const faq = Array.isArray(document.faq) ? (document.faq as unknown[]) : [];
  return { ...document, faq: [...faq, ...generateFaqRules(count)] };
}
