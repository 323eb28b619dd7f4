/** One part of BENCHMARKS.md: a heading, how it was measured, and its tables. */
export type Section = { title: string; how: string; body: string };

/** A section as markdown: heading, the tables, then how they were measured. */
export const renderSection = (s: Section): string => `## ${s.title}\n\n${s.body}\n\n**How measured.** ${s.how}\n`;
