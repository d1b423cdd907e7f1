/** English strings of `<portico-usage>` (the source; `de` and `ar` must have every key). */
export const en = {
  'usage.label': 'Usage',
  'usage.empty': 'No metered usage.',
  'usage.count': '{value} {label}',
  'usage.ofLimit': '{used} of {limit}',
  'usage.unlimited': 'Unlimited',
  'usage.softLimit': 'Soft limit: usage above it is billed as overage.',
  'usage.hardLimit': 'Hard limit: the service stops at it.',
  'usage.percentUsed': '{percent} used',
  'usage.over': 'Over the limit',
  'usage.reached': 'Limit reached',
  'usage.nearing': 'Nearing the limit',
  'usage.resets': 'Resets {date}',
  'usage.resetsDaily': 'Resets daily, next {date}',
  'usage.noReset': 'Does not reset',
  'usage.projected': 'Projected by {date}: {value}',
  'usage.projectedOver': 'Projected to pass the limit by {date}: {value}',
  'usage.asOf': 'as of {time}',
  'usage.tooEarly': 'Too early in the period for a projection.',
  'usage.data': 'Usage data',
  'usage.column.time': 'Time',
  'usage.column.used': 'Used so far',
  'usage.chart': 'Usage over the period: {used} so far, {limit}.',
  'usage.chartUnlimited': 'Usage over the period: {used} so far.',
  'usage.limitLine': 'limit {limit}',
} as const;

export type UsageMessageKey = keyof typeof en;
