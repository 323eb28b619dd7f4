import type { Recorded } from './types.ts';

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** The sandbox's front page: what the platform APIs and team channels received, newest first. */
export function renderPage(records: Recorded[]): string {
  const rows = records
    .slice(-200)
    .reverse()
    .map((r) => `<tr><td>${r.seq}</td><td>${new Date(r.at).toISOString().slice(11, 23)}</td><td>${escape(r.channel)}</td><td>${r.method} ${escape(r.path)}</td><td>${r.status}</td><td><pre>${escape(pretty(r))}</pre></td></tr>`)
    .join('\n');
  return `<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="3"><title>kefu sandbox</title>
<style>body{font:14px system-ui;margin:1rem}table{border-collapse:collapse;width:100%}td{border-top:1px solid #ddd;padding:4px;vertical-align:top}pre{margin:0;white-space:pre-wrap;max-width:70vw}</style>
<h1>本地沙箱 · local sandbox</h1><p>What the platform APIs and team channels received (refreshes every 3 s). JSON: <a href="/__sandbox/requests">/__sandbox/requests</a></p>
<table><tr><th>#</th><th>time</th><th>channel</th><th>request</th><th>status</th><th>body</th></tr>${rows}</table>`;
}

function pretty(r: Recorded): string {
  return r.parsed === undefined ? r.body.slice(0, 2000) : JSON.stringify(r.parsed, null, 1).slice(0, 2000);
}
