import { firstChars } from './first-chars.ts';

/**
 * A compiled rule pattern that knows which characters its matches can start with, so it is only
 * run on messages containing one of them. Patterns whose start cannot be worked out always run.
 */
export class Pattern {
  readonly source: string;
  readonly regex: RegExp;
  readonly #starts: string[] | undefined;

  constructor(source: string) {
    this.source = source;
    this.regex = new RegExp(source, 'u');
    const first = firstChars(source);
    this.#starts = first ? [...first] : undefined;
  }

  /** The first match in the text; `chars` is the set of the text's characters. */
  exec(text: string, chars: ReadonlySet<string>): RegExpExecArray | null {
    const starts = this.#starts;
    if (starts) {
      let possible = false;
      for (let i = 0; i < starts.length && !possible; i += 1) possible = chars.has(starts[i] ?? '');
      if (!possible) return null;
    }
    return this.regex.exec(text);
  }
}
