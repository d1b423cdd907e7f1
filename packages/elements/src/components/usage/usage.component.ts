import type { Usage, UsageMeter } from '@portico/contract';
import { billing } from '@portico/contract/validators/billing';
import { html, nothing, svg } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { repeat } from 'lit/directives/repeat.js';
import { PorticoElement } from '../../base/portico-element.js';
import { type RenderableResource, renderState, stateStyles } from '../../controllers/render-state.js';
import { ResourceController } from '../../controllers/resource-controller.js';
import { badgeStyles } from '../../styles/badge.styles.js';
import { CHART_H, CHART_W, chartGeometry, type MeterFigures, meterFigures } from './usage.data.js';
import { en, type UsageMessageKey } from './usage.messages.js';
import { styles } from './usage.styles.js';

export { chartGeometry, type MeterFigures, meterFigures } from './usage.data.js';

/**
 * An inline size through the CSSOM (`style.setProperty`), never a `style` attribute: a strict CSP
 * (`style-src` without 'unsafe-inline') blocks style attributes, `styleMap`'s first render included.
 */
const cssWidth = (value: string) =>
  ref((el?: Element) => {
    if (el instanceof HTMLElement) el.style.setProperty('inline-size', value);
  });

const STATE_TONE = { warning: 'warning', over: 'warning', reached: 'danger' } as const;

/**
 * Metered usage of the current period, one card per meter: used against the limit (or unlimited),
 * a soft or hard limit, the warning threshold, when the meter resets, and a projection to the
 * period's end — used ÷ the share of the period elapsed, shown with the time it is "as of". A
 * small SVG chart draws the period's running total, the limit and the projection; its data table
 * is one click away for screen readers and anyone who prefers numbers. Amounts are in each
 * meter's unit through `Intl.NumberFormat` (bytes, minutes…, or a count with the meter's label).
 *
 * Data comes from the client of the nearest `<portico-provider>` (or `.client`), admins only;
 * live `usage` events refresh it. Or pass `.usage` (the `GET /billing/usage` shape) and nothing is
 * requested.
 *
 * @summary One card per usage meter: used vs limit, reset, warning, projection and a chart.
 *
 * @slot empty - Shown when there is no meter. Default: "No metered usage."
 * @slot error - Replaces the default error message (the Retry button stays).
 *
 * @csspart base - The component's root.
 * @csspart meters - The list of meters.
 * @csspart meter - A meter's card (`data-key`, `data-state`: ok, warning, over or reached).
 * @csspart name - A meter's name (a heading).
 * @csspart amount - Used (of limit).
 * @csspart badge - Every badge; also `state-badge` or `unlimited-badge`.
 * @csspart bar - The bar of used against the limit (`role="meter"`).
 * @csspart bar-fill - The bar's filled part.
 * @csspart limit - The soft/hard limit note.
 * @csspart reset - When the meter resets.
 * @csspart projection - The projection with its "as of" time.
 * @csspart chart - The SVG chart.
 * @csspart line - The chart's usage line.
 * @csspart limit-line - The chart's limit line.
 * @csspart projection-line - The chart's projection line.
 * @csspart data - The data table's disclosure (`<details>`).
 * @csspart table - The data table.
 * @csspart loading - The loading state.
 * @csspart content - The loaded content (`aria-busy` while refreshing).
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart retry - The Retry button.
 *
 * @cssprop --portico-usage-columns-min - Narrowest card before the grid wraps (default: 16rem).
 * @cssprop --portico-usage-gap - Space between cards (default: spacing m).
 * @cssprop --portico-usage-border-color - Card borders (default: `--portico-color-border`).
 * @cssprop --portico-usage-radius - Card radius (default: twice `--portico-radius`).
 * @cssprop --portico-usage-bar-color - The bar and the chart's line (default: `--portico-color-primary`).
 * @cssprop --portico-usage-warning-color - The bar near the limit (default: `--portico-color-warning`).
 * @cssprop --portico-usage-danger-color - The bar at or over the limit (default: `--portico-color-danger`).
 *
 * @fires portico-error - Loading failed; `detail.code` is the error's machine code.
 *
 * @example
 * ```html
 * <portico-usage></portico-usage>
 * ```
 */
export class PorticoUsage extends PorticoElement<UsageMessageKey> {
  static override styles = [PorticoElement.styles, stateStyles, badgeStyles, styles];
  static override resources = {
    en,
    endpoints: { billing },
    locales: { de: () => import('./usage.messages.de.js'), ar: () => import('./usage.messages.ar.js') },
  };

  static override properties = {
    usage: { attribute: false },
    headingLevel: { type: Number, attribute: 'heading-level' },
    openTables: { state: true },
  };

  /** Preloaded usage (`GET /billing/usage`'s shape). When set, it is shown and nothing is requested. */
  usage?: Usage;

  /** `aria-level` of each meter's name. */
  headingLevel = 3;

  /** Meters whose data table is open (rendered only then: 90 rows × 12 meters stay out of the DOM until asked for). */
  protected openTables = new Set<string>();
  private formats = new Map<string, Intl.NumberFormat>();
  private formatsLang = '';

  private readonly loaded = new ResourceController(this, {
    args: () => [] as const,
    load: (client, _args, { signal }) => client.billing.usage({ signal }),
    enabled: () => this.usage === undefined,
    live: ['usage'],
  });

  /** The usage on screen, or `undefined` before loading. */
  get value(): Usage | undefined {
    return this.usage ?? this.loaded.value;
  }

  /** Loads usage again (no-op with `.usage`). */
  refresh(): Promise<void> {
    return this.usage ? Promise.resolve() : this.loaded.refresh();
  }

  protected override render() {
    const { lang, dir } = this.locale;
    const resource: RenderableResource<Usage> = this.usage
      ? { state: 'complete', value: this.usage, error: undefined, refresh: () => undefined }
      : this.loaded;
    return html`<div part="base" class="base" lang=${lang} dir=${dir}>
      ${renderState(this, resource, {
        complete: (u) => this.renderMeters(u),
        isEmpty: (u) => u.data.length === 0,
        emptyText: this.i18n.t('usage.empty'),
      })}
    </div>`;
  }

  /** A number in the meter's unit, with a formatter per unit and language (building one costs more than formatting). */
  private amount(m: UsageMeter, value: number): string {
    const lang = this.locale.lang;
    if (lang !== this.formatsLang) {
      this.formats.clear();
      this.formatsLang = lang;
    }
    const key = m.unit;
    let f = this.formats.get(key);
    if (!f) {
      f = new Intl.NumberFormat(
        lang,
        key === 'count' ? { maximumFractionDigits: 0 } : { style: 'unit', unit: key, unitDisplay: 'short', maximumFractionDigits: 1 },
      );
      this.formats.set(key, f);
    }
    const text = f.format(value);
    return m.unit === 'count' && m.unitLabel ? this.i18n.t('usage.count', { value: text, label: m.unitLabel }) : text;
  }

  private renderMeters(u: Usage) {
    const asOf = Date.parse(u.asOf);
    return html`<ul part="meters" class="meters" role="list" aria-label=${this.i18n.t('usage.label')}>
      ${repeat(
        u.data,
        (m) => m.id,
        (m) => this.renderMeter(m, meterFigures(m, asOf), u.asOf),
      )}
    </ul>`;
  }

  private renderMeter(m: UsageMeter, f: MeterFigures, asOf: string) {
    const { t, date, number } = this.i18n;
    const level = Math.min(6, Math.max(1, Math.trunc(this.headingLevel) || 3));
    const nameId = `m-${m.id}`;
    const used = this.amount(m, m.used);
    const limit = m.limit === null ? null : this.amount(m, m.limit);
    const percent = number(Math.min(f.share, 9.99), { style: 'percent', maximumFractionDigits: 0 });
    const stateKey =
      f.state === 'over' ? 'usage.over' : f.state === 'reached' ? 'usage.reached' : f.state === 'warning' ? 'usage.nearing' : '';
    const end = date(m.periodEnd);
    const reset =
      m.resetInterval === 'never' ? t('usage.noReset') : t(m.resetInterval === 'day' ? 'usage.resetsDaily' : 'usage.resets', { date: end });
    const overProjection = f.projected !== null && m.limit !== null && f.projected > m.limit;
    const open = this.openTables.has(m.id);
    return html`<li part="meter" class="meter" data-key=${m.key} data-state=${f.state} aria-labelledby=${nameId}>
      <div class="head">
        <div part="name" class="name" role="heading" aria-level=${level} id=${nameId} dir="auto">${m.name}</div>
        ${
          stateKey
            ? html`<span part="badge state-badge" class="badge" data-tone=${STATE_TONE[f.state as keyof typeof STATE_TONE]}>${t(stateKey)}</span>`
            : nothing
        }
        ${limit === null ? html`<span part="badge unlimited-badge" class="badge">${t('usage.unlimited')}</span>` : nothing}
      </div>
      <p part="amount" class="amount">${limit === null ? used : t('usage.ofLimit', { used, limit })}</p>
      ${
        limit !== null
          ? html`<div part="bar" class="bar" role="meter" aria-labelledby=${nameId} aria-valuemin="0" aria-valuemax=${m.limit!}
                aria-valuenow=${Math.min(m.used, m.limit!)} aria-valuetext=${t('usage.percentUsed', { percent })}>
                <div part="bar-fill" class="fill" ${cssWidth(`${Math.min(100, f.share * 100).toFixed(1)}%`)}></div>
              </div>
              <p part="limit" class="muted">${t('usage.percentUsed', { percent })} · ${t(m.softLimit ? 'usage.softLimit' : 'usage.hardLimit')}</p>`
          : nothing
      }
      ${this.renderChart(m, f, asOf, used, limit)}
      <p part="projection" class="projection" ?data-over=${overProjection}>
        ${
          f.projected === null
            ? t('usage.tooEarly')
            : t(overProjection ? 'usage.projectedOver' : 'usage.projected', { date: end, value: this.amount(m, f.projected) })
        }
        <span class="muted">${t('usage.asOf', { time: date(asOf, { dateStyle: 'medium', timeStyle: 'short' }) })}</span>
      </p>
      <p part="reset" class="muted">${reset}</p>
      <details part="data" class="data" @toggle=${(e: Event) => this.onToggle(m.id, (e.target as HTMLDetailsElement).open)} ?open=${open}>
        <summary>${t('usage.data')}</summary>
        ${
          open
            ? html`<table part="table" class="table">
                <caption class="visually-hidden">${m.name}</caption>
                <thead><tr><th scope="col">${t('usage.column.time')}</th><th scope="col">${t('usage.column.used')}</th></tr></thead>
                <tbody>${m.series.map(
                  (p) =>
                    html`<tr><th scope="row"><time datetime=${p.at}>${date(p.at, { dateStyle: 'short', timeStyle: 'short' })}</time></th><td>${this.amount(m, p.used)}</td></tr>`,
                )}</tbody>
              </table>`
            : nothing
        }
      </details>
    </li>`;
  }

  private renderChart(m: UsageMeter, f: MeterFigures, asOf: string, used: string, limit: string | null) {
    const { t } = this.i18n;
    const g = chartGeometry(m, f, Date.parse(asOf));
    const label = limit === null ? t('usage.chartUnlimited', { used }) : t('usage.chart', { used, limit: t('usage.limitLine', { limit }) });
    return html`<svg part="chart" class="chart" viewBox=${`0 0 ${CHART_W} ${CHART_H}`} preserveAspectRatio="none" role="img" aria-label=${label}>
      ${g.limitY !== null ? svg`<line part="limit-line" class="limit-line" x1="0" x2=${CHART_W} y1=${g.limitY} y2=${g.limitY}></line>` : nothing}
      ${
        g.projection
          ? svg`<line part="projection-line" class="projection-line" x1=${g.projection.x1} y1=${g.projection.y1} x2=${g.projection.x2} y2=${g.projection.y2}></line>`
          : nothing
      }
      ${svg`<polyline part="line" class="line" points=${g.line}></polyline>`}
    </svg>`;
  }

  private onToggle(id: string, open: boolean) {
    if (open === this.openTables.has(id)) return;
    const next = new Set(this.openTables);
    if (open) next.add(id);
    else next.delete(id);
    this.openTables = next;
  }
}
