export { digestLines, digestTitle, escalationContent, omitted, QUOTE_CHARS, QUOTE_LINES, type DigestLine, type EscalationContent, type Fact, type Quote } from './content.ts';
export { BYTES, CHARS, firstThatFit, fitText, newestThatFit, type FitParts, type Measure } from './fit.ts';
export { byUrgency, platformLabel, SEVERITY_LABEL, shopLabel } from './labels.ts';
export { mentionedNames, resolveMentions, type Mentions, type Person } from './mentions.ts';
