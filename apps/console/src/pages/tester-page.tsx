import type { Platform } from '@kefu/core';
import type { FC } from 'hono/jsx';
import type { Failure } from '../platforms/client.ts';
import type { RulesErrorView } from '../platforms/contract.ts';
import type { ActionView, TesterReport } from '../tester/run-tester.ts';
import { Notice, PlatformError, PlatformSelect, Time } from './components.tsx';
import { Layout, T, type PageCtx } from './layout.tsx';

export type TesterForm = { platform: Platform | undefined; shop: string; time: string; returning: boolean; text: string };

const KIND: Record<ActionView['kind'], string> = { reply: '回复 reply', escalate: '升级 escalate', schedule: '定时 schedule', handoff: '转人工 handoff', log: '记录 log' };
const PURPOSE: Record<string, string> = { sla_alert: 'SLA 预警 alert', sla_breach: 'SLA 超时 breach', unpaid_reminder: '催付 unpaid reminder' };

const pct = (x: number) => `${Math.round(x * 100)}%`;

const ActionRow: FC<{ a: ActionView; tz: string }> = ({ a, tz }) => (
  <tr data-kind={a.kind}>
    <td>
      <span class={`badge ${a.kind === 'escalate' ? 'bad' : a.kind === 'reply' ? 'ok' : ''}`}>{KIND[a.kind]}</span>
    </td>
    <td>
      {a.text ? <div data-testid="tester-reply">{a.text}</div> : null}
      {a.severity ? <div>严重度 severity: {a.severity}</div> : null}
      {a.deadline ? (
        <div>
          截止 deadline: <Time ms={a.deadline} tz={tz} />
        </div>
      ) : null}
      {a.purpose ? (
        <div>
          {PURPOSE[a.purpose] ?? a.purpose} @ <Time ms={a.at} tz={tz} />
        </div>
      ) : null}
      {a.suggestion ? (
        <div>
          建议 suggestion: <code>{a.suggestion.ruleId}</code> ({pct(a.suggestion.score)})
        </div>
      ) : null}
      {a.data ? <div class="muted">{Object.entries(a.data).map(([k, v]) => `${k}=${String(v)}`).join(' ')}</div> : null}
    </td>
    <td>
      {a.ruleId ? <code>{a.ruleId}</code> : null}
      {a.score !== undefined ? <span> {pct(a.score)}</span> : null}
      {a.intent ? <div class="muted">{a.intent}</div> : null}
    </td>
    <td>
      <ul class="findings">
        {a.reasons.map((r) => (
          <li>
            <code>{r.code}</code> {r.detail}
          </li>
        ))}
      </ul>
    </td>
  </tr>
);

const Report: FC<{ r: TesterReport }> = ({ r }) => (
  <section class="card" data-testid="tester-result">
    <h2>
      <T zh="结果" en="What the bot would do" />
    </h2>
    <p>
      时间 <Time ms={r.at} tz={r.timeZone} /> <span class="muted">({r.timeZone})</span>{' '}
      {r.open ? (
        <span class="badge ok">营业中 open</span>
      ) : (
        <span class="badge warn">
          休息中 closed{r.nextOpening ? <>，下次营业 <Time ms={r.nextOpening} tz={r.timeZone} /></> : null}
        </span>
      )}
    </p>
    <h3>动作 actions（{r.actions.length}）</h3>
    <table data-testid="tester-actions">
      <thead>
        <tr>
          <th>类型 kind</th>
          <th>内容 content</th>
          <th>规则 rule / 分数 score</th>
          <th>原因 reasons</th>
        </tr>
      </thead>
      <tbody>
        {r.actions.map((a) => (
          <ActionRow a={a} tz={r.timeZone} />
        ))}
      </tbody>
    </table>
    <div class="split" style="margin-top:12px">
      <div>
        <h3>
          FAQ 匹配<small class="en">band: {r.faq.band}</small>
        </h3>
        {r.faq.why ? <p class="muted">{r.faq.why}</p> : null}
        {r.faq.ranked.length === 0 ? (
          <p class="muted">没有候选规则 no candidate</p>
        ) : (
          <table data-testid="tester-faq">
            <thead>
              <tr>
                <th>规则 rule</th>
                <th class="num">分数 score</th>
                <th>最接近的例句 best example</th>
                <th>共同词 terms</th>
              </tr>
            </thead>
            <tbody>
              {r.faq.ranked.map((c) => (
                <tr>
                  <td>
                    <code>{c.id}</code>
                    <div class="muted">{c.intent}</div>
                  </td>
                  <td class="num">{pct(c.score)}</td>
                  <td>{c.example}</td>
                  <td>{[...c.terms, ...c.keywords.map((k) => `[${k}]`)].join(' ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <div>
        <h3>
          投诉信号<small class="en">complaint: score {Math.round(r.complaint.score * 100) / 100}, {r.complaint.severity}</small>{' '}
          {r.complaint.escalate ? <span class="badge bad">升级 escalate</span> : <span class="badge">未达阈值 below threshold</span>}
        </h3>
        {r.complaint.signals.length === 0 ? (
          <p class="muted">没有信号 no signal</p>
        ) : (
          <ul class="findings" data-testid="tester-signals">
            {r.complaint.signals.map((s) => (
              <li>
                <code>{s.id}</code> ({s.category}, ×{s.weight})：“{s.match}”
              </li>
            ))}
          </ul>
        )}
        {r.complaint.negated.length > 0 ? <p class="muted">被否定 negated: {r.complaint.negated.join('、')}</p> : null}
        {r.complaint.intensity !== 1 ? <p class="muted">强度 intensity ×{r.complaint.intensity}</p> : null}
        <h3>
          SLA 计时<small class="en">timers</small>
        </h3>
        {r.timers.length === 0 ? (
          <p class="muted">没有计时 no timer (no human needed)</p>
        ) : (
          <ul class="findings" data-testid="tester-timers">
            {r.timers.map((t) => (
              <li>
                {PURPOSE[t.purpose] ?? t.purpose} @ <Time ms={t.at} tz={r.timeZone} /> <span class="muted">(+{Math.round((t.at - r.at) / 1000)} s)</span> — {t.reason.detail}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  </section>
);

export const TesterPage: FC<{ ctx: PageCtx; platforms: Platform[]; form: TesterForm; report?: TesterReport; failure?: Failure; invalid?: RulesErrorView[]; problem?: string }> = ({
  ctx,
  platforms,
  form,
  report,
  failure,
  invalid,
  problem,
}) => (
  <Layout ctx={ctx} title="测试">
    <h1>
      <T zh="规则测试" en="Tester" />
    </h1>
    <p class="muted">取该店铺合并后的规则（来自平台 worker），在控制台里用同一个引擎（compileRules + decide）推演：不发送、不记录。</p>
    <form method="get" action="/tester" class="card" data-testid="tester-form" style="display:grid;gap:10px;grid-template-columns:repeat(auto-fill,minmax(200px,1fr));align-items:end">
      <label>
        平台 platform
        <PlatformSelect value={form.platform} platforms={platforms} />
      </label>
      <label>
        店铺 shop
        <input type="text" name="shop" value={form.shop} required placeholder="shop id" data-testid="tester-shop" />
      </label>
      <label>
        时间（店铺时区）<small class="en">time, shop time zone</small>
        <input type="datetime-local" name="time" value={form.time} data-testid="tester-time" />
      </label>
      <label>
        买家 buyer
        <select name="buyer" data-testid="tester-buyer">
          <option value="first" selected={!form.returning}>
            首次 first-time
          </option>
          <option value="returning" selected={form.returning}>
            回头客 returning
          </option>
        </select>
      </label>
      <label style="grid-column:1/-1">
        买家消息 buyer message
        <textarea name="text" rows={3} required maxlength={2000} data-testid="tester-text">
          {form.text}
        </textarea>
      </label>
      <div>
        <button type="submit" class="primary" data-testid="tester-submit">
          推演 run
        </button>
      </div>
    </form>
    {problem ? <Notice kind="error" testId="tester-error">{problem}</Notice> : null}
    {failure ? <PlatformError failure={failure} /> : null}
    {invalid ? (
      <Notice kind="error" testId="tester-error">
        该店铺合并后的规则无效 (resolved rules invalid):
        <ul class="findings">
          {invalid.map((e) => (
            <li>
              <code>{e.path}</code> {e.message}
            </li>
          ))}
        </ul>
      </Notice>
    ) : null}
    {report ? <Report r={report} /> : null}
  </Layout>
);
