import { PorticoProjectTimeline } from './project-timeline.component.js';

export { PorticoProjectTimeline };

PorticoProjectTimeline.define('portico-project-timeline');

declare global {
  interface HTMLElementTagNameMap {
    'portico-project-timeline': PorticoProjectTimeline;
  }
}
