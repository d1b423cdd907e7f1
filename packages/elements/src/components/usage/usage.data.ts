import type { UsageMeter } from '@portico/contract';

/** Below this share of the period elapsed a projection says more about noise than about the month. */
export const MIN_ELAPSED = 0.05;

export interface MeterFigures {
  /** used ÷ limit (0 when unlimited). */
  share: number;
  state: 'ok' | 'warning' | 'over' | 'reached';
  /** Share of the period elapsed at `asOf` (0–1). */
  elapsed: number;
  /** used ÷ elapsed: where usage ends at the period's end at this pace; null while too early. */
  projected: number | null;
}

/** The figures of a meter at `asOf` (ms). */
export function meterFigures(m: UsageMeter, asOf: number): MeterFigures {
  const start = Date.parse(m.periodStart);
  const end = Date.parse(m.periodEnd);
  const elapsed = end > start ? Math.min(1, Math.max(0, (asOf - start) / (end - start))) : 1;
  const projected = elapsed >= MIN_ELAPSED ? m.used / elapsed : null;
  const limit = m.limit;
  const share = limit && limit > 0 ? m.used / limit : limit === 0 ? (m.used > 0 ? Number.POSITIVE_INFINITY : 0) : 0;
  const state =
    limit === null
      ? 'ok'
      : m.used > limit
        ? 'over'
        : m.used === limit && limit > 0
          ? 'reached'
          : share >= m.warningThreshold
            ? 'warning'
            : 'ok';
  return { share, state: state === 'over' && !m.softLimit ? 'reached' : state, elapsed, projected };
}

export interface ChartGeometry {
  /** `points` of the usage polyline in a 100 × 40 box. */
  line: string;
  /** y of the limit line, or null. */
  limitY: number | null;
  /** The projection from the last point to the period's end, or null. */
  projection: { x1: number; y1: number; x2: number; y2: number } | null;
}

export const CHART_W = 100;
export const CHART_H = 40;

/** The chart of a meter: time across the period, usage up to the largest of used, limit and projection. */
export function chartGeometry(m: UsageMeter, f: MeterFigures, asOf: number): ChartGeometry {
  const start = Date.parse(m.periodStart);
  const span = Math.max(1, Date.parse(m.periodEnd) - start);
  const top = Math.max(m.used, m.limit ?? 0, f.projected ?? 0, ...m.series.map((p) => p.used)) || 1;
  const x = (t: number) => Math.round(Math.min(1, Math.max(0, (t - start) / span)) * CHART_W * 100) / 100;
  const y = (v: number) => Math.round((CHART_H - (Math.max(0, v) / top) * (CHART_H - 1)) * 100) / 100;
  let line = `0,${CHART_H}`;
  for (const p of m.series) line += ` ${x(Date.parse(p.at))},${y(p.used)}`;
  const lastX = x(asOf);
  return {
    line,
    limitY: m.limit !== null ? y(m.limit) : null,
    projection: f.projected !== null && f.elapsed < 1 ? { x1: lastX, y1: y(m.used), x2: CHART_W, y2: y(f.projected) } : null,
  };
}
