import type { Message } from '../../i18n/i18n.js';
import type { en } from './usage.messages.js';

export const de: Record<keyof typeof en, Message> = {
  'usage.label': 'Nutzung',
  'usage.empty': 'Keine gemessene Nutzung.',
  'usage.count': '{value} {label}',
  'usage.ofLimit': '{used} von {limit}',
  'usage.unlimited': 'Unbegrenzt',
  'usage.softLimit': 'Weiches Limit: Nutzung darüber wird als Mehrverbrauch berechnet.',
  'usage.hardLimit': 'Hartes Limit: Der Dienst stoppt dort.',
  'usage.percentUsed': '{percent} genutzt',
  'usage.over': 'Über dem Limit',
  'usage.reached': 'Limit erreicht',
  'usage.nearing': 'Limit fast erreicht',
  'usage.resets': 'Wird am {date} zurückgesetzt',
  'usage.resetsDaily': 'Wird täglich zurückgesetzt, nächstes Mal {date}',
  'usage.noReset': 'Wird nicht zurückgesetzt',
  'usage.projected': 'Prognose bis {date}: {value}',
  'usage.projectedOver': 'Prognose: Limit wird bis {date} überschritten: {value}',
  'usage.asOf': 'Stand {time}',
  'usage.tooEarly': 'Für eine Prognose ist es im Zeitraum noch zu früh.',
  'usage.data': 'Nutzungsdaten',
  'usage.column.time': 'Zeit',
  'usage.column.used': 'Bisher genutzt',
  'usage.chart': 'Nutzung im Zeitraum: bisher {used}, {limit}.',
  'usage.chartUnlimited': 'Nutzung im Zeitraum: bisher {used}.',
  'usage.limitLine': 'Limit {limit}',
};
