// Hostile content in knowledge-base articles written in HTML (see hostile.test-kit.ts).
import '../components/kb-article/kb-article.js';
import { articles, hostileSuite } from './hostile.test-kit.js';

hostileSuite('hostile content in knowledge-base articles (HTML)', [articles('html')]);
