/**
 * The editor's only client code: as the text changes (debounced), POST it to /api/rules/check and
 * show the platform's errors and lint findings and the diff against the active version. Plain
 * script, no framework or build step; it builds DOM nodes with textContent (never innerHTML), and
 * mirrors the markup of check-view.tsx and diff-view.tsx. `data-state` on the validation panel
 * (checking | ok | invalid | json-error | unavailable) is the hook end-to-end tests wait on.
 */
export const EDITOR_ISLAND = `
(() => {
  const cfg = JSON.parse(document.getElementById('editor-config').textContent);
  const ta = document.querySelector('[data-testid="rules-editor"]');
  const panel = document.querySelector('[data-testid="validation-panel"]');
  const diffPanel = document.querySelector('[data-testid="diff-panel"]');
  if (!ta || !panel || !diffPanel) return;
  const SIGN = { added: '+', removed: '−', changed: '~' };
  let timer = 0;
  let seq = 0;
  const h = (tag, cls, ...children) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    for (const c of children) e.append(c);
    return e;
  };
  const list = (title, items, render, testId) => {
    const ul = h('ul', 'findings');
    ul.dataset.testid = testId;
    for (const item of items) ul.append(render(item));
    return [h('div', null, title + '（' + items.length + '）'), ul];
  };
  function renderVerdicts(data) {
    panel.replaceChildren();
    if (data.json && !data.json.ok) {
      panel.append(h('div', 'notice error', 'JSON 语法错误 (syntax error): ' + data.json.message));
      return 'json-error';
    }
    let state = 'ok';
    for (const r of data.results) {
      const box = h('div', 'result');
      box.dataset.platform = r.platform;
      const badge = r.error ? h('span', 'badge bad', '不可用 unavailable') : r.ok ? h('span', 'badge ok', '可发布 ok') : h('span', 'badge bad', '不可发布 invalid');
      box.append(h('h3', null, r.label + ' ', badge));
      if (r.error) {
        box.append(h('div', 'notice error', r.error));
        if (state === 'ok') state = 'unavailable';
      } else {
        if (!r.ok) state = 'invalid';
        if (r.errors.length) box.append(...list('校验错误 errors', r.errors, (e) => h('li', null, h('code', null, e.path), ' ' + e.message), 'rules-errors'));
        if (r.lint.length) box.append(...list('检查建议 lint', r.lint, (f) => h('li', null, h('span', 'badge ' + (f.level === 'error' ? 'bad' : 'warn'), f.level), ' ', h('code', null, f.path), ' ' + f.code + ': ' + f.message), 'lint-findings'));
      }
      panel.append(box);
    }
    return state;
  }
  function renderDiff(diff) {
    diffPanel.replaceChildren();
    if (!diff) return;
    if (diff.error) {
      diffPanel.append(h('div', 'notice error', diff.error));
      return;
    }
    const summary = h('p', null, '对比 ' + (diff.against === null ? '空文档 (no active version)' : '当前版本 v' + diff.against) + '：',
      h('span', 'diff-added', '+' + diff.counts.added), ' ', h('span', 'diff-removed', '−' + diff.counts.removed), ' ', h('span', 'diff-changed', '~' + diff.counts.changed));
    if (diff.lines.length === 0) summary.append(h('span', 'muted', ' 无改动 no changes'));
    summary.dataset.testid = 'diff-summary';
    const ul = h('ul', 'findings');
    for (const l of diff.lines) {
      const li = h('li', 'diff-' + l.op, SIGN[l.op] + ' ', h('code', null, l.path));
      li.dataset.op = l.op;
      if (l.op === 'added') li.append(' = ' + l.after);
      else if (l.op === 'removed') li.append(' (was ' + l.before + ')');
      else li.append((l.note === 'order' ? ' 顺序 order' : '') + ': ' + l.before + ' → ' + l.after);
      ul.append(li);
    }
    diffPanel.append(summary, ul);
  }
  async function check() {
    const mine = ++seq;
    panel.dataset.state = 'checking';
    try {
      const res = await fetch('/api/rules/check', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', 'x-csrf-token': cfg.csrf || '' },
        body: JSON.stringify({ scope: cfg.scope, platform: cfg.platform, shop: cfg.shop, against: cfg.against, text: ta.value }),
      });
      const data = await res.json();
      if (mine !== seq) return;
      if (!res.ok) {
        panel.replaceChildren(h('div', 'notice error', data.message || 'HTTP ' + res.status));
        panel.dataset.state = 'unavailable';
        return;
      }
      panel.dataset.state = renderVerdicts(data);
      renderDiff(data.diff);
    } catch (e) {
      if (mine !== seq) return;
      panel.replaceChildren(h('div', 'notice error', '检查失败 check failed: ' + e.message));
      panel.dataset.state = 'unavailable';
    }
  }
  ta.addEventListener('input', () => {
    clearTimeout(timer);
    panel.dataset.state = 'checking';
    timer = setTimeout(check, cfg.debounceMs);
  });
  check();
})();
`;
