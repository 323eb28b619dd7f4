/** One line of buyer text: a buyer's own newlines must not break a quote or list line open. */
export function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * Buyer text for DingTalk, Feishu lark_md and WeCom markdown: `<` `>` `[` `]` become full-width, so
 * what a buyer typed can never become a link, an HTML tag or a mention (`<at id=all>`, `<@userid>`)
 * in the team's chat. None of the three documents an escape we could cite, so we replace instead.
 */
export function inert(s: string): string {
  return oneLine(s).replace(/</g, '＜').replace(/>/g, '＞').replace(/\[/g, '［').replace(/\]/g, '］');
}

/**
 * Text for Slack mrkdwn and `text`: `&`, `<`, `>` are control characters and must be HTML-escaped
 * (CONFIRMED: https://api.slack.com/reference/surfaces/formatting#escaping), which also stops a
 * buyer's `<!channel>` from pinging everyone.
 */
export function slackEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A URL as a markdown link target: a `)` or whitespace in it would end the link early. */
export function linkTarget(url: string): string {
  return url.replace(/\)/g, '%29').replace(/\s/g, (c) => encodeURIComponent(c));
}
