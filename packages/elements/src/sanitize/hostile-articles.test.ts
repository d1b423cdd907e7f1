// Hostile content in knowledge-base articles written in Markdown (see hostile.test-kit.ts; HTML
// articles: hostile-articles-html.test.ts — one file each, so each stays within the runner's limit).
import '../components/kb-article/kb-article.js';
import { articles, hostileSuite } from './hostile.test-kit.js';

hostileSuite('hostile content in knowledge-base articles (Markdown)', [articles('markdown')]);
