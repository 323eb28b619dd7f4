import type { ChannelConfig } from '../channels/index.ts';

/** A name from `mention` found in the channel's `people`. */
export type Person = { name: string; mobile?: string; userId?: string };

/** Whom a message can really @ on this channel, and the names it cannot (shown as plain `@name`). */
export type Mentions = { people: Person[]; unresolved: string[] };

/** Resolves `names` through `channel.people`, once each, in order. */
export function resolveMentions(channel: ChannelConfig, names: readonly string[]): Mentions {
  const people: Person[] = [];
  const unresolved: string[] = [];
  for (const name of new Set(names)) {
    const entry = channel.people?.[name];
    if (entry && (entry.mobile || entry.userId)) people.push({ name, ...entry });
    else unresolved.push(name);
  }
  return { people, unresolved };
}

/** Everyone any of the items asks for, once. */
export function mentionedNames(items: readonly { mention: string[] }[]): string[] {
  return [...new Set(items.flatMap((i) => i.mention))];
}
