import { PorticoKbArticle } from './kb-article.component.js';

export { PorticoKbArticle };

PorticoKbArticle.define('portico-kb-article');

declare global {
  interface HTMLElementTagNameMap {
    'portico-kb-article': PorticoKbArticle;
  }
}
