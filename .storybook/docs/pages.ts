// The docs pages in Storybook are the Markdown files of docs/, rendered as they are: one source,
// read on GitHub or here. Each `*.mdx` next to this file is a two-line page that renders one of
// them with the Markdown block; this module finds the file and makes its relative links work
// inside Storybook.
const sources = import.meta.glob<string>('../../docs/**/*.md', { query: '?raw', import: 'default', eager: true });

/**
 * docs/ file → Storybook title. The id Storybook derives from a title (lower case, non-alphanumerics
 * as `-`) is what a link needs: `Guides/Getting started` → `guides-getting-started--docs`.
 * Each title here has an `*.mdx` page with the same `<Meta title>`.
 */
export const PAGES: Record<string, string> = {
  'getting-started.md': 'Guides/Getting started',
  'customer-or-client-portal.md': 'Guides/Customer or client portal',
  'backend-integration.md': 'Guides/Backend integration',
  'theming.md': 'Guides/Theming',
  'events.md': 'Guides/Events',
  'security.md': 'Guides/Security model',
  'accessibility.md': 'Guides/Accessibility statement',
  'contract.md': 'Guides/HTTP contract',
  'sizes.md': 'Guides/Bundle sizes',
  'reference/elements.md': 'Reference/Elements',
  'reference/css-variables.md': 'Reference/CSS variables',
  'reference/events.md': 'Reference/Events',
};

const docsId = (title: string) =>
  `${title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')}--docs`;

/** `a/b/../c.md` → `a/c.md`; null when the path leaves docs/. */
function normalize(path: string): string | null {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '..') {
      if (!out.length) return null;
      out.pop();
    } else if (part && part !== '.') out.push(part);
  }
  return out.join('/');
}

/** Where a relative link of `file` leads: another docs page in Storybook, or a path in the repository. */
function retarget(file: string, text: string, target: string): string {
  if (/^([a-z][a-z0-9+.-]*:|#|\?|\/)/i.test(target)) return `[${text}](${target})`;
  const path = target.split('#')[0] ?? '';
  const base = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
  const resolved = normalize(base + path);
  const title = resolved === null ? undefined : PAGES[resolved];
  // Storybook navigates by story id; a heading anchor of another page is not kept.
  if (title && sources[`../../docs/${resolved}`] !== undefined) return `[${text}](?path=/docs/${docsId(title)})`;
  // Any other file (a package README, an example, a docs file without a page): its repository path.
  const repoPath = resolved === null ? normalize(`docs/${base}${path}`) : `docs/${resolved}`;
  if (repoPath === null || text.replaceAll('`', '') === repoPath) return text;
  return `${text} (\`${repoPath}\`)`;
}

/**
 * An element name outside code (`<portico-ticket-list> standalone`) would be rendered as that
 * element by the Markdown block (GitHub drops it): show it as text instead.
 */
const escapeTags = (line: string) =>
  line
    .split(/(`+[^`]*`+)/)
    .map((part, i) => (i % 2 ? part : part.replace(/<(\/?portico-[a-z-]+)/g, '&lt;$1')))
    .join('')
    // An anchor target (`<a id="x"></a>`) would become an empty link here.
    .replace(/<a id="([^"]+)"><\/a>/g, '<span id="$1"></span>');

/** Rewrites the relative links of a Markdown text and escapes element names, leaving fenced code blocks alone. */
function forStorybook(file: string, markdown: string): string {
  let fenced = false;
  return markdown
    .split('\n')
    .map((line) => {
      if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
      if (fenced) return line;
      return escapeTags(line).replace(/\[([^\]\n]*)\]\(([^)\s]+)\)/g, (_, text: string, target: string) => retarget(file, text, target));
    })
    .join('\n');
}

/** The Markdown of `docs/<file>`, ready for the Markdown block. */
export function page(file: string): string {
  const source = sources[`../../docs/${file}`];
  if (source === undefined) return `# ${file}\n\n\`docs/${file}\` is not in this build of Storybook.`;
  return forStorybook(file, source);
}
