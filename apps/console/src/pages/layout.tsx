import type { Child, FC } from 'hono/jsx';
import type { Auth } from '../env.ts';
import { CSRF_FIELD } from '../auth/csrf.ts';

/** What every page needs from the request: who is signed in, the CSRF token, the script nonce. */
export type PageCtx = { auth: Auth | null; csrf: string | null; nonce: string; path: string };

const STYLE = `
:root { --fg:#111827; --muted:#6b7280; --line:#e5e7eb; --bg:#f9fafb; --accent:#2563eb; --ok:#15803d; --bad:#b91c1c; --warn:#b45309; }
* { box-sizing: border-box; }
body { margin:0; font:14px/1.55 -apple-system, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", system-ui, sans-serif; color:var(--fg); background:var(--bg); }
header.top { display:flex; align-items:center; gap:18px; padding:10px 20px; background:#fff; border-bottom:1px solid var(--line); flex-wrap:wrap; }
header.top .brand { font-weight:700; font-size:15px; }
header.top nav { display:flex; gap:4px; flex-wrap:wrap; }
header.top nav a { padding:4px 10px; border-radius:6px; color:var(--fg); text-decoration:none; }
header.top nav a.on, header.top nav a:hover { background:#eef2ff; color:var(--accent); }
header.top .who { margin-left:auto; color:var(--muted); display:flex; gap:8px; align-items:center; }
main { max-width:1180px; margin:0 auto; padding:20px; }
h1 { font-size:20px; margin:0 0 14px; } h2 { font-size:16px; margin:22px 0 10px; } h3 { font-size:14px; margin:14px 0 8px; }
small.en, .en { color:var(--muted); font-size:11px; font-weight:400; margin-left:4px; }
section.card { background:#fff; border:1px solid var(--line); border-radius:8px; padding:14px 16px; margin-bottom:14px; }
table { border-collapse:collapse; width:100%; background:#fff; }
th, td { text-align:left; padding:6px 8px; border-bottom:1px solid var(--line); vertical-align:top; }
th { font-weight:600; color:#374151; background:#f3f4f6; white-space:nowrap; }
td.num, th.num { text-align:right; font-variant-numeric:tabular-nums; }
code, pre, textarea.code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size:12.5px; }
pre { background:#f3f4f6; padding:10px; border-radius:6px; overflow:auto; max-height:520px; margin:6px 0; }
form.inline { display:inline; }
form.bar { display:flex; gap:10px; align-items:end; flex-wrap:wrap; margin-bottom:12px; }
label { display:flex; flex-direction:column; gap:3px; font-size:12.5px; color:#374151; }
input, select, textarea { font:inherit; padding:5px 8px; border:1px solid #d1d5db; border-radius:6px; background:#fff; }
textarea.code { width:100%; min-height:420px; line-height:1.45; tab-size:2; }
button { font:inherit; padding:5px 12px; border-radius:6px; border:1px solid #d1d5db; background:#fff; cursor:pointer; }
button.primary { background:var(--accent); border-color:var(--accent); color:#fff; }
button.danger { color:var(--bad); border-color:#fecaca; }
.notice { padding:9px 12px; border-radius:6px; margin:0 0 12px; border:1px solid; }
.notice.error { background:#fef2f2; border-color:#fecaca; color:var(--bad); }
.notice.ok { background:#f0fdf4; border-color:#bbf7d0; color:var(--ok); }
.notice.warn { background:#fffbeb; border-color:#fde68a; color:var(--warn); }
.notice.info { background:#eff6ff; border-color:#bfdbfe; color:#1e40af; }
.badge { display:inline-block; padding:0 7px; border-radius:10px; font-size:12px; border:1px solid var(--line); background:#f3f4f6; white-space:nowrap; }
.badge.ok { background:#dcfce7; border-color:#bbf7d0; color:var(--ok); }
.badge.bad { background:#fee2e2; border-color:#fecaca; color:var(--bad); }
.badge.warn { background:#fef3c7; border-color:#fde68a; color:var(--warn); }
.muted { color:var(--muted); }
.grid { display:grid; grid-template-columns:repeat(auto-fill, minmax(210px, 1fr)); gap:12px; }
.split { display:grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap:16px; }
@media (max-width: 900px) { .split { grid-template-columns: 1fr; } }
ul.findings { margin:4px 0; padding-left:18px; } ul.findings li { margin:2px 0; }
.diff-added { color:var(--ok); } .diff-removed { color:var(--bad); } .diff-changed { color:var(--warn); }
details > summary { cursor:pointer; color:var(--accent); }
svg.chart { display:block; max-width:860px; background:#fff; border:1px solid var(--line); border-radius:8px; margin-bottom:12px; }
.actions { display:flex; gap:10px; align-items:center; flex-wrap:wrap; margin:6px 0 10px; }
`;

const NAV: [href: string, zh: string, en: string][] = [
  ['/', '概览', 'Overview'],
  ['/rules', '规则', 'Rules'],
  ['/tester', '测试', 'Tester'],
  ['/escalations', '升级与死信', 'Escalations'],
  ['/sla', 'SLA', 'Charts'],
  ['/audit', '审计', 'Audit'],
];

/** The hidden CSRF field every form carries (checked when the browser sends no Origin). */
export const CsrfField: FC<{ ctx: PageCtx }> = ({ ctx }) => (ctx.csrf ? <input type="hidden" name={CSRF_FIELD} value={ctx.csrf} /> : null);

/** Chinese label with its English in small text. */
export const T: FC<{ zh: string; en?: string }> = ({ zh, en }) => (
  <>
    {zh}
    {en ? <small class="en">{en}</small> : null}
  </>
);

export const Layout: FC<{ ctx: PageCtx; title: string; children?: Child }> = ({ ctx, title, children }) => {
  const section = '/' + (ctx.path.split('/')[1] ?? '');
  return (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title} · 客服控制台</title>
        <style dangerouslySetInnerHTML={{ __html: STYLE }} />
      </head>
      <body>
        <header class="top">
          <span class="brand">
            客服控制台<small class="en">kefu console</small>
          </span>
          {ctx.auth ? (
            <nav>
              {NAV.map(([href, zh, en]) => (
                <a href={href} class={(href === '/' ? ctx.path === '/' : section === href || (href === '/escalations' && section === '/dead-letters')) ? 'on' : ''}>
                  {zh}
                  <small class="en">{en}</small>
                </a>
              ))}
            </nav>
          ) : null}
          {ctx.auth ? (
            <span class="who">
              <span data-testid="actor">{ctx.auth.actor}</span>
              {ctx.auth.via === 'session' ? (
                <form method="post" action="/logout" class="inline">
                  <CsrfField ctx={ctx} />
                  <button type="submit">退出</button>
                </form>
              ) : ctx.auth.via === 'access' ? (
                // Access owns the sign-in: its logout ends the Access session for this app.
                <a href="/cdn-cgi/access/logout">退出</a>
              ) : null}
            </span>
          ) : null}
        </header>
        <main>{children}</main>
      </body>
    </html>
  );
};
