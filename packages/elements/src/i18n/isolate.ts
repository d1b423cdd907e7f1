import { html } from 'lit';

type Params = Record<string, string | number>;
const MARK = '\u0001';

/**
 * A message whose placeholders named in `user` hold user-written text (a name, a title): each of
 * them renders in a `<bdi>`, so it keeps its own direction inside the sentence ("رفع Sam Agent
 * الإصدار 2"), and the sentence keeps the page's. The text content is the same as `t(key, params)`.
 */
export function isolate<K extends string>(t: (key: K, params?: Params) => string, key: K, params: Params, ...user: string[]) {
  const marked = { ...params };
  for (const name of user) marked[name] = `${MARK}${name}${MARK}`;
  return t(key, marked)
    .split(MARK)
    .map((part, i) => (i % 2 ? html`<bdi>${params[part]}</bdi>` : part));
}
