import '../comment-thread/comment-thread.js';
import { PorticoDeliverableViewer } from './deliverable-viewer.component.js';

export { PorticoDeliverableViewer };

PorticoDeliverableViewer.define('portico-deliverable-viewer');

declare global {
  interface HTMLElementTagNameMap {
    'portico-deliverable-viewer': PorticoDeliverableViewer;
  }
}
