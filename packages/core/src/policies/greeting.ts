import type { Decision } from './decision.ts';

/**
 * Greeting (欢迎语): once per window, first-time or returning wording, only while the shop is open
 * (the away notice covers closed hours) and never while a person is handling the conversation.
 */
export function greet(d: Decision, firstContact: boolean): boolean {
  const { greeting } = d.rules.policies;
  if (!greeting.enabled || d.humanActive) return false;
  const windowMs = greeting.windowHours * 3_600_000;
  if (d.state.greetedAt !== undefined && d.now - d.state.greetedAt < windowMs) return false;
  if (!d.engine.calendar.isOpen(d.now)) return false;
  const kind = firstContact ? 'firstTime' : 'returning';
  d.reply({
    script: 'greeting',
    variants: d.rules.scripts.greeting[kind],
    rotationKey: `greeting.${kind}`,
    intent: 'greeting',
    ruleId: `scripts.greeting.${kind}`,
    reason: { code: `greeting.${kind}`, detail: firstContact ? 'first contact with this buyer' : `returning buyer, no greeting in the last ${greeting.windowHours}h` },
  });
  d.state.greetedAt = d.now;
  return true;
}
