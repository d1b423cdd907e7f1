// `pnpm generate` (also the last step of `pnpm manifest`): writes every artefact derived from the
// custom-elements manifest, so none is ever edited by hand:
//   src/define.ts, package.json `sideEffects`                the registration modules of every tag
//   (and checks the size check's groups, packages/tooling/src/size-groups.mjs, against it)
//   types/react.d.ts, types/vue.d.ts, types/svelte.d.ts   framework typings of the tags
//   vscode.html-custom-data.json                           editor completions and hovers
//   ../../docs/reference/elements.md, events.md, css-variables.md
// `--check` writes nothing and exits 1 listing the stale files (run by `pnpm test`).
//
// Inputs: custom-elements.json (tags, attributes, properties, events, slots, parts, CSS
// properties: the components' JSDoc); the TypeScript sources for what the manifest does not
// carry (the values of a union-typed attribute, method signatures, each event's `detail` type from
// PorticoEventDetailMap); the token sources (src/styles/tokens.data.ts, tokens.css.ts) and the
// components' styles for CSS variable defaults. It also fails when those disagree with the
// manifest: a variable a component reads but does not document (or documents but never reads), an
// event fired as cancelable whose @fires does not say "Cancelable" (or the other way round).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { CUSTOMER, manifestComponents } from '../../tooling/src/size-groups.mjs';

const pkgDir = fileURLToPath(new URL('..', import.meta.url));
const rootDir = join(pkgDir, '../..');
const checkOnly = process.argv.includes('--check');
const PKG = '@portico/elements';
const SCRIPT = 'packages/elements/scripts/generate.mjs';
const REGEN = 'pnpm --filter @portico/elements generate';

const read = (p) => readFileSync(join(pkgDir, p), 'utf8');
const manifest = JSON.parse(read('custom-elements.json'));
const pkgJson = JSON.parse(read('package.json'));
const rootPkgJson = JSON.parse(readFileSync(join(rootDir, 'package.json'), 'utf8'));
const problems = [];

// ─── TypeScript: what the manifest leaves out ─────────────────────────────────────────────────
const config = ts.getParsedCommandLineOfConfigFile(
  join(pkgDir, 'tsconfig.json'),
  {},
  { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
);
const program = ts.createProgram({ rootNames: [join(pkgDir, 'src/index.ts')], options: { ...config.options, noEmit: true } });
const checker = program.getTypeChecker();
const sourceFile = (rel) => {
  const sf = program.getSourceFile(join(pkgDir, rel));
  if (!sf) throw new Error(`${rel} is not part of the program rooted at src/index.ts`);
  return sf;
};
const classType = (modulePath, className) => {
  const decl = sourceFile(modulePath).statements.find((s) => ts.isClassDeclaration(s) && s.name?.text === className);
  if (!decl) throw new Error(`class ${className} not found in ${modulePath}`);
  return checker.getTypeAtLocation(decl);
};
/** The string values of a union-of-literals type (`''` left out), or undefined when it is not one. */
const literalValues = (type) => {
  const parts = (type.isUnion() ? type.types : [type]).filter((t) => !(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)));
  if (!parts.length || !parts.every((t) => t.isStringLiteral())) return undefined;
  // Sorted (a leading `-` last): the checker's union order follows type creation, not the source.
  const sortKey = (v) => `${v.replace(/^-/, '')}\u0000${v.startsWith('-') ? 1 : 0}`;
  return parts
    .map((t) => t.value)
    .filter((v) => v !== '')
    .sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1));
};
const isBoolean = (type) => {
  const parts = (type.isUnion() ? type.types : [type]).filter((t) => !(t.flags & ts.TypeFlags.Undefined));
  return parts.length > 0 && parts.every((t) => t.flags & ts.TypeFlags.BooleanLike);
};
const isNumber = (type) => {
  const parts = (type.isUnion() ? type.types : [type]).filter((t) => !(t.flags & ts.TypeFlags.Undefined));
  return parts.length > 0 && parts.every((t) => t.flags & ts.TypeFlags.NumberLike);
};
const oneLine = (s) => (s ?? '').replace(/\s*\n\s*/g, ' ').trim();
const inPackageSource = (node) => {
  const file = node.getSourceFile().fileName;
  return file.startsWith(join(pkgDir, 'src')) && !file.includes('node_modules');
};

// Events: name → declared detail type, its expansion, description, and the module declaring it.
const eventMap = new Map();
{
  const sf = sourceFile('src/events/events.ts');
  const decl = sf.statements.find((s) => ts.isInterfaceDeclaration(s) && s.name.text === 'PorticoEventDetailMap');
  const mapType = checker.getDeclaredTypeOfSymbol(checker.getSymbolAtLocation(decl.name));
  for (const prop of mapType.getProperties()) {
    const sig = prop.valueDeclaration;
    const typeNode = sig.type;
    let expanded;
    if (ts.isTypeReferenceNode(typeNode)) {
      const t = checker.getTypeAtLocation(typeNode);
      const d = (t.aliasSymbol ?? t.getSymbol())?.declarations?.[0];
      if (d && inPackageSource(d) && (ts.isInterfaceDeclaration(d) || ts.isTypeAliasDeclaration(d))) {
        const members = t.getProperties().map((p) => {
          const pd = p.valueDeclaration;
          const text = pd?.type ? oneLine(pd.type.getText()) : checker.typeToString(checker.getTypeOfSymbol(p));
          return `${p.name}${pd?.questionToken ? '?' : ''}: ${text}`;
        });
        expanded = `{ ${members.join('; ')} }`;
      }
    }
    const file = relative(pkgDir, sig.getSourceFile().fileName).replaceAll('\\', '/');
    eventMap.set(prop.name, {
      name: prop.name,
      detail: oneLine(typeNode.getText()).replace(/;\s*}$/, ' }'),
      expanded,
      description: oneLine(ts.displayPartsToString(prop.getDocumentationComment(checker))),
      file,
    });
  }
}
// Modules to import so that every augmentation of PorticoEventDetailMap is in a consumer's
// program: declaration emit drops `import type {} from './x.events.js'`, so the published
// component declarations do not always pull them in.
const eventModules = [...new Set([...eventMap.values()].map((e) => e.file))]
  .filter((f) => f !== 'src/events/events.ts')
  .map((f) => {
    const m = /^src\/components\/(.+)\.ts$/.exec(f);
    if (!m) throw new Error(`${f} declares portico events but is not reachable through the package exports (./components/*)`);
    return `${PKG}/components/${m[1]}`;
  })
  .sort();

// Cancelable and bubbling as the sources fire them: `emit('name', detail, { cancelable: true })`
// (emit() always bubbles and is composed) and any direct `new CustomEvent('portico-…', {…})`.
const fired = new Map(); // name → { cancelable: Set<boolean>, bubbles: Set<boolean>, composed: Set<boolean> }
const noteFired = (name, flags) => {
  const f = fired.get(name) ?? { cancelable: new Set(), bubbles: new Set(), composed: new Set() };
  for (const k of ['cancelable', 'bubbles', 'composed']) f[k].add(flags[k]);
  fired.set(name, f);
};
for (const sf of program.getSourceFiles()) {
  if (!inPackageSource(sf) || sf.isDeclarationFile) continue;
  const visit = (node) => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'emit') {
      const [name, , options] = node.arguments;
      if (name && ts.isStringLiteral(name) && name.text.startsWith('portico-')) {
        noteFired(name.text, { cancelable: !!options && /cancelable:\s*true/.test(options.getText()), bubbles: true, composed: true });
      }
    }
    if (ts.isNewExpression(node) && node.expression.getText() === 'CustomEvent') {
      const [name, options] = node.arguments ?? [];
      if (name && ts.isStringLiteral(name) && name.text.startsWith('portico-')) {
        const o = options?.getText() ?? '';
        noteFired(name.text, {
          cancelable: /cancelable:\s*true/.test(o),
          bubbles: /bubbles:\s*true/.test(o),
          composed: /composed:\s*true/.test(o),
        });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
}

// ─── Elements from the manifest ───────────────────────────────────────────────────────────────
const registrations = new Map(); // tag → registration module path
for (const mod of manifest.modules) {
  for (const exp of mod.exports ?? []) if (exp.kind === 'custom-element-definition') registrations.set(exp.name, mod.path);
}
const base = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.name === 'PorticoElement');
const elements = manifest.modules
  .flatMap((mod) => (mod.declarations ?? []).map((decl) => ({ mod, decl })))
  .filter(({ decl }) => decl.customElement && decl.tagName)
  .map(({ mod, decl }) => toElement(mod, decl))
  .sort((a, b) => (a.tag < b.tag ? -1 : 1));

function toElement(mod, decl) {
  const type = classType(mod.path, decl.name);
  const registration = registrations.get(decl.tagName);
  const subpath = registration && /^src\/(components\/.+)\.ts$/.exec(registration)?.[1];
  if (!subpath) problems.push(`${decl.tagName}: no registration module under src/components/ in the manifest`);
  const members = (decl.members ?? []).filter((m) => !m.static && !m.privacy);
  const props = [];
  const readonly = [];
  for (const m of members.filter((m) => m.kind === 'field')) {
    const sym = type.getProperty(m.name);
    const t = sym && checker.getTypeOfSymbol(sym);
    const entry = {
      name: m.name,
      attribute: m.attribute,
      reflects: !!m.reflects,
      type: m.type?.text ?? (t ? checker.typeToString(t) : 'unknown'),
      default: m.default,
      description: m.description ?? '',
      inherited: !!m.inheritedFrom,
      values: t && literalValues(t),
      boolean: !!t && isBoolean(t),
      number: !!t && isNumber(t),
    };
    (m.readonly ? readonly : props).push(entry);
  }
  const methods = members
    .filter((m) => m.kind === 'method' && !m.inheritedFrom)
    .map((m) => {
      const sym = type.getProperty(m.name);
      const sigs = sym ? checker.getSignaturesOfType(checker.getTypeOfSymbol(sym), ts.SignatureKind.Call) : [];
      const signature = sigs.length ? `${m.name}${checker.signatureToString(sigs[0])}` : `${m.name}()`;
      return { name: m.name, signature: signature.replace(/\): /, '): '), description: m.description ?? '' };
    });
  const events = (decl.events ?? []).map((e) => ({
    name: e.name,
    description: oneLine(e.description),
    cancelable: /\bcancelable\b/i.test(e.description ?? ''),
  }));
  for (const e of events) {
    if (!eventMap.has(e.name)) problems.push(`${decl.tagName} fires ${e.name}, which PorticoEventDetailMap (src/events) does not declare`);
    const f = fired.get(e.name);
    if (f && f.cancelable.size === 1 && !f.cancelable.has(e.cancelable)) {
      problems.push(
        `${decl.tagName}: ${e.name} is fired ${e.cancelable ? 'not ' : ''}cancelable, but its @fires ${e.cancelable ? 'says' : 'does not say'} "Cancelable"`,
      );
    }
  }
  return {
    tag: decl.tagName,
    className: decl.name,
    module: mod.path,
    subpath,
    summary: oneLine(decl.summary),
    description: (decl.description ?? '').trim(),
    props,
    readonly,
    methods,
    events,
    slots: decl.slots ?? [],
    parts: decl.cssParts ?? [],
    cssProps: (decl.cssProperties ?? []).map((c) => ({ name: c.name, description: oneLine(c.description), default: c.default })),
  };
}
for (const name of eventMap.keys()) {
  if (!elements.some((el) => el.events.some((e) => e.name === name)))
    problems.push(`${name} is declared in PorticoEventDetailMap but no element's @fires lists it`);
}

// ─── CSS variables ────────────────────────────────────────────────────────────────────────────
/** Calls of `fn(...)` in `text` (balanced parentheses), each with its top-level arguments. */
function findCall(text, fn, from = 0) {
  const re = new RegExp(`(?<![\\w-])${fn}\\(`, 'g');
  re.lastIndex = from;
  const m = re.exec(text);
  if (!m) return undefined;
  let depth = 0;
  const args = [];
  let argStart = m.index + m[0].length;
  for (let i = argStart; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') {
      if (depth === 0) {
        args.push(text.slice(argStart, i).trim());
        return { start: m.index, end: i + 1, args };
      }
      depth--;
    } else if (c === ',' && depth === 0) {
      args.push(text.slice(argStart, i).trim());
      argStart = i + 1;
    }
  }
  throw new Error(`unbalanced ${fn}( in ${text}`);
}
/** Rewrites every `fn(...)` call, innermost results included, until none changes. */
function rewrite(text, fn, replace) {
  let out = text;
  let from = 0;
  for (;;) {
    const call = findCall(out, fn, from);
    if (!call) return out;
    const r = replace(call.args);
    if (r === undefined) {
      from = call.start + 1;
      continue;
    }
    out = out.slice(0, call.start) + r + out.slice(call.end);
    from = 0;
  }
}

// Descriptions of the core tokens until tokens.data.ts carries them as JSDoc (which wins).
// biome-ignore format: a table
const CORE_FALLBACK_DESCRIPTIONS = {
  '--portico-font-family': 'Font of all text.',
  '--portico-font-size': 'Base font size; the small, extra-small and large sizes derive from it.',
  '--portico-line-height': 'Line height of body text.',
  '--portico-space': 'The spacing unit: the space scale (2xs, xs, s, m, l, xl) is multiples of it.',
  '--portico-radius': 'Corner radius; the small and large radii derive from it.',
  '--portico-color-primary': 'Accent: primary buttons, links, selection, focus and the hover / selected tints.',
  '--portico-color-on-primary': 'Text on the primary colour.',
  '--portico-color-background': 'Background of components.',
  '--portico-color-surface': 'Background of raised or secondary areas (cards, code, suggestions).',
  '--portico-color-text': 'Text colour.',
  '--portico-color-muted': 'Secondary text (metadata, hints).',
  '--portico-color-border': 'Borders and dividers.',
  '--portico-color-danger': 'Errors and destructive actions.',
  '--portico-color-success': 'Success, approved, done.',
  '--portico-color-warning': 'Warnings, due soon, changes requested.',
  '--portico-focus-ring': 'Focus outline colour.',
};

// Core tokens: tokens.data.ts (JSDoc per token when it has one).
const core = new Map(); // '--portico-x' → { value, description }
{
  const sf = sourceFile('src/styles/tokens.data.ts');
  const stmt = sf.statements.find((s) => ts.isVariableStatement(s) && s.declarationList.declarations[0]?.name.getText() === 'coreTokens');
  let init = stmt.declarationList.declarations[0].initializer;
  while (ts.isAsExpression(init) || ts.isSatisfiesExpression?.(init)) init = init.expression;
  for (const p of init.properties) {
    const name = p.name.text;
    const sym = checker.getSymbolAtLocation(p.name);
    const doc = sym ? oneLine(ts.displayPartsToString(sym.getDocumentationComment(checker))) : '';
    core.set(name, { value: p.initializer.text, description: doc || CORE_FALLBACK_DESCRIPTIONS[name] || '' });
    if (!doc && !CORE_FALLBACK_DESCRIPTIONS[name])
      problems.push(`${name} has no description: add a JSDoc comment to it in src/styles/tokens.data.ts`);
  }
}
// Private scales derived from the core tokens at :host (tokens.css.ts).
const derived = new Map();
for (const m of read('src/styles/tokens.css.ts').matchAll(/(--_portico-[a-z0-9-]+):\s*([^;]+);/g)) derived.set(m[1], m[2].trim());

/** A component's fallback in public terms: private tokens become the public ones they come from. */
function publicExpression(expr) {
  return rewrite(expr, 'var', ([name]) => {
    if (!name.startsWith('--_portico-')) return undefined;
    const pub = name.replace('--_portico-', '--portico-');
    if (core.has(pub)) return `var(${pub})`;
    if (derived.has(name)) return publicExpression(derived.get(name));
    problems.push(`unknown private token ${name}`);
    return undefined;
  });
}
const round = (n) => String(Number(n.toFixed(4)));
const hex = (s) => {
  const m = /^#([0-9a-f]{6})$/i.exec(s.trim());
  return m ? [0, 2, 4].map((i) => Number.parseInt(m[1].slice(i, i + 2), 16)) : undefined;
};
const toHex = (rgb, alpha) =>
  `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}${
    alpha === undefined
      ? ''
      : Math.round(alpha * 255)
          .toString(16)
          .padStart(2, '0')
  }`;
/** The value a public expression computes to in one colour scheme (as far as it can be folded). */
function resolve(expr, scheme) {
  let out = rewrite(expr, 'var', ([name]) => (core.has(name) ? core.get(name).value : undefined));
  out = rewrite(out, 'light-dark', ([light, dark]) => (scheme === 'dark' ? dark : light));
  out = rewrite(out, 'calc', ([body]) => {
    const m = /^(-?[\d.]+)([a-z%]*)\s*\*\s*(-?[\d.]+)([a-z%]*)$/.exec(body.trim());
    if (!m || (m[2] && m[4])) return undefined;
    return `${round(Number(m[1]) * Number(m[3]))}${m[2] || m[4]}`;
  });
  out = rewrite(out, 'color-mix', ([space, a, b]) => {
    if (space !== 'in srgb') return undefined;
    const [ca, pa] = a.split(/\s+(?=[\d.]+%$)/);
    const p = pa ? Number.parseFloat(pa) / 100 : 0.5;
    const x = hex(ca);
    if (!x) return undefined;
    if (b.trim() === 'transparent') return toHex(x, p);
    const y = hex(b);
    return y ? toHex(x.map((c, i) => c * p + y[i] * (1 - p))) : undefined;
  });
  return out;
}

// Component variables: every `var(--portico-…, fallback)` in a component's folder.
const componentVars = new Map(); // name → { fallback, tags: Set, description }
for (const el of elements) {
  const dir = dirname(el.module);
  const used = new Map();
  for (const f of readdirSync(join(pkgDir, dir))) {
    if (!f.endsWith('.ts') || /\.(test|stories)\.ts$/.test(f)) continue;
    const text = read(`${dir}/${f}`).replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, '');
    let from = 0;
    for (;;) {
      const call = findCall(text, 'var', from);
      if (!call) break;
      from = call.start + 1;
      const [name, ...rest] = call.args;
      if (!name.startsWith('--portico-') || core.has(name)) continue;
      const fallback = rest.join(', ');
      if (used.has(name) && used.get(name) !== fallback)
        problems.push(`${name} has two fallbacks in ${dir}: ${used.get(name)} and ${fallback}`);
      used.set(name, fallback);
    }
  }
  for (const c of el.cssProps) {
    if (!used.has(c.name) && !core.has(c.name)) problems.push(`${el.tag} documents ${c.name} (@cssprop) but its styles never read it`);
  }
  for (const [name, fallback] of used) {
    const doc = el.cssProps.find((c) => c.name === name);
    if (!doc) {
      problems.push(`${el.tag} reads ${name} but does not document it: add an @cssprop to ${el.module}`);
      continue;
    }
    const v = componentVars.get(name) ?? { tags: new Set(), description: doc.description };
    v.tags.add(el.tag);
    // The styles are the truth; a default in the JSDoc (`@cssprop [--x=default]`) must agree.
    v.fallback = fallback;
    const squash = (x) => x.replace(/\s+/g, ' ').trim();
    if (doc.default !== undefined && ![fallback, publicExpression(fallback)].map(squash).includes(squash(doc.default))) {
      problems.push(
        `${el.tag}: @cssprop ${name} says the default is ${doc.default}, its styles fall back to ${publicExpression(fallback)}`,
      );
    }
    componentVars.set(name, v);
    doc.fallback = v.fallback;
  }
}
const cssDefault = (fallback) => {
  if (!fallback) return { expr: '', light: '', dark: '' };
  const expr = publicExpression(fallback);
  const light = resolve(expr, 'light');
  const dark = resolve(expr, 'dark');
  return { expr, light, dark };
};

// ─── Rendering helpers ────────────────────────────────────────────────────────────────────────
const identifier = /^[A-Za-z_$][\w$]*$/;
const key = (name) => (identifier.test(name) ? name : `'${name}'`);
const jsdoc = (text, indent) => {
  const t = (text ?? '').trim().replaceAll('*/', '*\\/');
  if (!t) return [];
  const lines = t.split('\n');
  if (lines.length === 1) return [`${indent}/** ${lines[0]} */`];
  return [`${indent}/**`, ...lines.map((l) => `${indent} *${l ? ` ${l}` : ''}`), `${indent} */`];
};
const header = (comment) =>
  `${comment} Generated by ${SCRIPT} from custom-elements.json: do not edit.\n${comment} Regenerate with \`${REGEN}\` (\`pnpm manifest\` does too).\n`;
const settable = (el) => el.props;
const attrAliases = (el) => el.props.filter((p) => p.attribute && p.attribute !== p.name);
const docsUrl = (() => {
  const repo = pkgJson.repository ?? rootPkgJson.repository;
  const url = typeof repo === 'string' ? repo : repo?.url;
  if (url) {
    const web = url.replace(/^git\+/, '').replace(/\.git$/, '');
    return (anchor) => `${web}/blob/main/docs/reference/elements.md#${anchor}`;
  }
  return () => `https://www.npmjs.com/package/${PKG}`;
})();
const eventHandlerDoc = (e) => {
  const map = eventMap.get(e.name);
  return `\`${e.name}\`: ${e.description}${map ? ` Detail: \`${map.detail}\`.` : ''}`;
};
const propDoc = (p) => {
  const facts = [
    p.attribute && `attribute \`${p.attribute}\`${p.reflects ? ' (reflected)' : ''}`,
    p.default !== undefined && `default \`${p.default}\``,
  ].filter(Boolean);
  const line = facts.length ? `${facts.join(', ').replace(/^./, (c) => c.toUpperCase())}.` : '';
  return [p.description.trim(), line].filter(Boolean).join('\n\n');
};
const typeImports = () => {
  const names = ['PorticoEvent', ...elements.map((el) => el.className)].sort();
  return [`import type { ${names.join(', ')} } from '${PKG}';`, ...eventModules.map((m) => `import type {} from '${m}';`)];
};
/** `number` attributes also take their string form (attributes are strings). */
// biome-ignore lint/suspicious/noTemplateCurlyInString: a TypeScript template literal type
const attrType = (el, p) => `${el.className}['${p.name}']${p.number ? ' | `${number}`' : ''}`;

// ─── types/react.d.ts ─────────────────────────────────────────────────────────────────────────
function renderReact() {
  const out = [header('//')];
  out.push(
    '// JSX types of the Portico tags for React 19, which sets a prop as a property when the element',
    '// has it (`client`, `pageSize`…), otherwise as an attribute (`page-size`), and adds a listener',
    '// for `onportico-…` props (`onportico-ticket-select` → `portico-ticket-select`). Use them with',
    "// `import type {} from '@portico/elements/types/react';` (or list the file in tsconfig `types`).",
    '// React 18 passes every prop as an attribute and attaches no custom event listener: there, use',
    '// attributes and addEventListener, or the @portico/react wrappers.',
    '',
    "import type * as React from 'react';",
    ...typeImports(),
    '',
    '/** Props every Portico tag takes in React: its own, plus the standard HTML ones. */',
    'export type PorticoReactProps<E extends HTMLElement, P> = P & Omit<React.HTMLAttributes<E>, keyof P> & React.RefAttributes<E>;',
    '',
  );
  for (const el of elements) {
    out.push(...jsdoc(`Props of \`<${el.tag}>\`: ${el.summary}`, ''), `export interface ${el.className}ReactProps {`);
    for (const p of settable(el)) out.push(...jsdoc(propDoc(p), '  '), `  ${key(p.name)}?: ${el.className}['${p.name}'];`);
    for (const p of attrAliases(el))
      out.push(...jsdoc(`Attribute form of \`${p.name}\`.`, '  '), `  ${key(p.attribute)}?: ${attrType(el, p)};`);
    for (const e of el.events)
      out.push(...jsdoc(eventHandlerDoc(e), '  '), `  ${key(`on${e.name}`)}?: (event: PorticoEvent<'${e.name}'>) => void;`);
    out.push('}', '');
  }
  out.push('/** The Portico tags, for `JSX.IntrinsicElements`. */', 'export interface PorticoReactElements {');
  for (const el of elements) {
    out.push(
      ...jsdoc(`${el.summary}\n\n@see ${docsUrl(el.tag)}`, '  '),
      `  '${el.tag}': PorticoReactProps<${el.className}, ${el.className}ReactProps>;`,
    );
  }
  out.push(
    '}',
    '',
    "declare module 'react' {",
    '  namespace JSX {',
    '    interface IntrinsicElements extends PorticoReactElements {}',
    '  }',
    '}',
    '',
    '// @types/react before 18.2.7 has only the global JSX namespace.',
    'declare global {',
    '  namespace JSX {',
    '    interface IntrinsicElements extends PorticoReactElements {}',
    '  }',
    '}',
    '',
  );
  return out.join('\n');
}

// ─── types/vue.d.ts ───────────────────────────────────────────────────────────────────────────
function renderVue() {
  const out = [header('//')];
  out.push(
    '// Template types of the Portico tags for Vue 3 (Volar / vue-tsc): `GlobalComponents` entries as',
    "// Vue's guide declares custom elements, props from the element's properties (write them",
    '// kebab-case in templates: `:page-size="10"`) and events from its `portico-…` events',
    "// (`@portico-ticket-select`). Load with `import type {} from '@portico/elements/types/vue';`.",
    "// Tell Vue's compiler these are custom elements: `isCustomElement: (tag) => tag.startsWith('portico-')`.",
    '',
    "import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';",
    ...typeImports(),
    '',
    '/** A custom element as a Vue component type: `$props` and `$emit` exist for template checking only. */',
    'export type PorticoVueElement<E extends HTMLElement, P, Ev> = new () => E & {',
    '  /** @deprecated For template prop types only: not a property of the element. */',
    '  $props: P & Omit<HTMLAttributes, keyof P> & PublicProps;',
    '  /** @deprecated For template event types only: not a method of the element. */',
    '  $emit: EmitFn<Ev>;',
    '};',
    '',
  );
  for (const el of elements) {
    out.push(...jsdoc(`Props of \`<${el.tag}>\`: ${el.summary}`, ''), `export interface ${el.className}VueProps {`);
    for (const p of settable(el)) out.push(...jsdoc(propDoc(p), '  '), `  ${key(p.name)}?: ${el.className}['${p.name}'];`);
    out.push('}', '');
    out.push(...jsdoc(`Events of \`<${el.tag}>\`.`, ''));
    if (!el.events.length) out.push(`export type ${el.className}VueEvents = Record<never, never>;`, '');
    else {
      out.push(`export interface ${el.className}VueEvents {`);
      for (const e of el.events) out.push(...jsdoc(eventHandlerDoc(e), '  '), `  '${e.name}': (event: PorticoEvent<'${e.name}'>) => void;`);
      out.push('}', '');
    }
  }
  out.push("declare module 'vue' {", '  interface GlobalComponents {');
  for (const el of elements) {
    out.push(
      ...jsdoc(`${el.summary}\n\n@see ${docsUrl(el.tag)}`, '    '),
      `    '${el.tag}': PorticoVueElement<${el.className}, ${el.className}VueProps, ${el.className}VueEvents>;`,
    );
  }
  out.push('  }', '}', '');
  return out.join('\n');
}

// ─── types/svelte.d.ts ────────────────────────────────────────────────────────────────────────
function renderSvelte() {
  const out = [header('//')];
  out.push(
    '// Template types of the Portico tags for Svelte 5 (svelte-check, the language server):',
    '// `svelteHTML.IntrinsicElements` entries with the properties (Svelte sets a prop as a property',
    '// when the element has it), the attributes and `onportico-…` event attributes',
    "// (`onportico-ticket-select={…}`). Load with `import type {} from '@portico/elements/types/svelte';`.",
    '',
    "import type { HTMLAttributes } from 'svelte/elements';",
    ...typeImports(),
    '',
    '/** Attributes every Portico tag takes in Svelte: its own, plus the standard HTML ones. */',
    'export type PorticoSvelteAttributes<E extends HTMLElement, P> = P & Omit<HTMLAttributes<E>, keyof P>;',
    '',
  );
  for (const el of elements) {
    out.push(...jsdoc(`Props of \`<${el.tag}>\`: ${el.summary}`, ''), `export interface ${el.className}SvelteProps {`);
    for (const p of settable(el)) out.push(...jsdoc(propDoc(p), '  '), `  ${key(p.name)}?: ${el.className}['${p.name}'];`);
    for (const p of attrAliases(el))
      out.push(...jsdoc(`Attribute form of \`${p.name}\`.`, '  '), `  ${key(p.attribute)}?: ${attrType(el, p)};`);
    for (const e of el.events)
      out.push(...jsdoc(eventHandlerDoc(e), '  '), `  ${key(`on${e.name}`)}?: (event: PorticoEvent<'${e.name}'>) => void;`);
    out.push('}', '');
  }
  out.push('declare global {', '  namespace svelteHTML {', '    interface IntrinsicElements {');
  for (const el of elements) {
    out.push(
      ...jsdoc(`${el.summary}\n\n@see ${docsUrl(el.tag)}`, '      '),
      `      '${el.tag}': PorticoSvelteAttributes<${el.className}, ${el.className}SvelteProps>;`,
    );
  }
  out.push('    }', '  }', '}', '');
  return out.join('\n');
}

// ─── vscode.html-custom-data.json ─────────────────────────────────────────────────────────────
function renderVscode() {
  const md = (value) => ({ kind: 'markdown', value });
  const list = (title, items) => (items.length ? [`**${title}**`, ...items.map((i) => `- ${i}`)].join('\n') : '');
  const tags = elements.map((el) => {
    const attributes = [];
    for (const p of el.props) {
      if (!p.attribute) continue;
      const a = { name: p.attribute, description: md(propDoc({ ...p, attribute: undefined }).replace(/^$/, `\`${p.name}\``)) };
      if (p.boolean) a.valueSet = 'v';
      else if (p.values?.length) a.values = p.values.map((name) => ({ name }));
      attributes.push(a);
    }
    const description = [
      el.summary,
      el.description,
      list(
        'Events',
        el.events.map((e) => `\`${e.name}\`: ${e.description}`),
      ),
      list(
        'Slots',
        el.slots.map((s) => `${s.name ? `\`${s.name}\`` : '(default)'}: ${oneLine(s.description)}`),
      ),
      list(
        'CSS parts',
        el.parts.map((p) => `\`${p.name}\``),
      ),
      list(
        'CSS properties',
        el.cssProps.map((c) => `\`${c.name}\``),
      ),
    ]
      .filter(Boolean)
      .join('\n\n');
    return {
      name: el.tag,
      description: md(description),
      attributes,
      references: [{ name: 'Portico API reference', url: docsUrl(el.tag) }],
    };
  });
  return `${JSON.stringify(
    {
      $comment: header('')
        .replace(/^ /gm, '')
        .replace(/\n(?!$)/g, ' ')
        .trim(),
      version: 1.1,
      tags,
    },
    null,
    2,
  )}\n`;
}

// ─── docs/reference/*.md ──────────────────────────────────────────────────────────────────────
const cell = (s) =>
  String(s ?? '')
    .replace(/\s*\n\s*/g, ' ')
    .replaceAll('|', '\\|')
    .trim();
const code = (s) => (s === undefined || s === '' ? '' : `\`${String(s).replaceAll('|', '\\|')}\``);
const table = (head, rows) =>
  [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
const mdHeader = (what) =>
  `<!-- Generated by ${SCRIPT} from ${what}: do not edit. Regenerate with \`${REGEN}\` (\`pnpm manifest\` does too). -->\n`;
const detailCell = (name) => {
  const e = eventMap.get(name);
  if (!e) return '';
  return e.expanded ? `${code(e.detail)}: ${code(e.expanded)}` : code(e.detail);
};
const valuesNote = (p) => (p.values?.length ? `<br>One of ${p.values.map((v) => code(`'${v}'`)).join(', ')}.` : '');

function renderElementsMd() {
  const out = [mdHeader('custom-elements.json and the TypeScript sources'), '# Elements', ''];
  out.push(
    `Every element of \`${PKG}\`: its attributes and properties, events, slots, CSS parts and CSS custom`,
    "properties, from the components' JSDoc. Register every element with `import '@portico/elements/define';`,",
    'or one with its module (below). Events: [events.md](events.md); CSS variables with their defaults:',
    '[css-variables.md](css-variables.md). Typings for templates: `@portico/elements/types/react`,',
    '`@portico/elements/types/vue`, `@portico/elements/types/svelte`; VS Code completions:',
    '`"html.customData": ["./node_modules/@portico/elements/vscode.html-custom-data.json"]`.',
    '',
    table(
      ['Element', 'Summary'],
      elements.map((el) => [`[\`<${el.tag}>\`](#${el.tag})`, cell(el.summary)]),
    ),
    '',
  );
  if (base) {
    const common = (base.members ?? []).filter((m) => m.kind === 'field' && !m.static && !m.privacy && !m.readonly);
    out.push(
      '## Common to every element',
      '',
      oneLine(base.description),
      '',
      '| Property | Attribute | Type | Description |',
      '| --- | --- | --- | --- |',
    );
    for (const m of common)
      out.push(`| ${code(m.name)} | ${m.attribute ? code(m.attribute) : '—'} | ${code(m.type?.text)} | ${cell(m.description)} |`);
    // `lang` and `dir` are observed attributes without a property, hence without JSDoc of their own.
    const attributeNotes = {
      lang: ['`string`', "Language of the messages and formats; unset, the provider's or the nearest ancestor's."],
      dir: ["`'ltr' \\| 'rtl'`", "Direction; unset, the provider's or the nearest ancestor's."],
    };
    for (const a of (base.attributes ?? []).filter((a) => !a.fieldName)) {
      const [type, note] = attributeNotes[a.name] ?? [code(a.type?.text), ''];
      out.push(`| — | ${code(a.name)} | ${type} | ${cell(a.description ?? note)} |`);
    }
    const allBubble = [...fired.values()].every((f) => [...f.bubbles, ...f.composed].every(Boolean));
    out.push(
      '',
      `\`static define(tag)\` registers a class under a tag unless the tag is taken (the modules below call it).${allBubble ? ' Every event bubbles and is composed (crosses shadow roots).' : ''}`,
      '',
    );
  }
  for (const el of elements) {
    out.push(`## \`<${el.tag}>\``, '', `**${el.summary}**`, '', el.description, '');
    out.push(`Class \`${el.className}\` (exported by \`${PKG}\`).${el.subpath ? ` Register: \`import '${PKG}/${el.subpath}';\`` : ''}`, '');
    const own = el.props.filter((p) => !p.inherited);
    if (own.length) {
      out.push('### Attributes and properties', '', 'Besides the [common ones](#common-to-every-element).', '');
      out.push(
        table(
          ['Property', 'Attribute', 'Type', 'Default', 'Description'],
          own.map((p) => [
            code(p.name),
            p.attribute ? `${code(p.attribute)}${p.reflects ? ' (reflected)' : ''}` : '— (property only)',
            `${code(p.type)}${valuesNote(p)}`,
            code(p.default),
            cell(p.description),
          ]),
        ),
        '',
      );
    }
    const ro = el.readonly.filter((p) => !p.inherited);
    if (ro.length) {
      out.push(
        '### Read-only properties',
        '',
        table(
          ['Property', 'Type', 'Description'],
          ro.map((p) => [code(p.name), code(p.type), cell(p.description)]),
        ),
        '',
      );
    }
    if (el.methods.length) {
      out.push(
        '### Methods',
        '',
        table(
          ['Method', 'Description'],
          el.methods.map((m) => [code(m.signature), cell(m.description)]),
        ),
        '',
      );
    }
    if (el.events.length) {
      out.push(
        '### Events',
        '',
        table(
          ['Event', 'Detail', 'Cancelable', 'Description'],
          el.events.map((e) => [
            `[${code(e.name)}](events.md#${e.name})`,
            detailCell(e.name),
            e.cancelable ? 'yes' : 'no',
            cell(e.description),
          ]),
        ),
        '',
      );
    }
    if (el.slots.length) {
      out.push(
        '### Slots',
        '',
        table(
          ['Slot', 'Description'],
          el.slots.map((s) => [s.name ? code(s.name) : '(default)', cell(s.description)]),
        ),
        '',
      );
    }
    if (el.parts.length) {
      out.push(
        '### CSS parts',
        '',
        table(
          ['Part', 'Description'],
          el.parts.map((p) => [code(p.name), cell(p.description)]),
        ),
        '',
      );
    }
    if (el.cssProps.length) {
      out.push(
        '### CSS custom properties',
        '',
        table(
          ['Variable', 'Default', 'Description'],
          el.cssProps.map((c) => [
            `[${code(c.name)}](css-variables.md#component-variables)`,
            code(cssDefault(c.fallback).expr),
            cell(c.description),
          ]),
        ),
        '',
      );
    }
  }
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

function renderEventsMd() {
  const out = [mdHeader('custom-elements.json and PorticoEventDetailMap (src/events, src/components/*/*.events.ts)'), '# Events', ''];
  out.push(
    'Every `portico-*` event. Listen on the element or any ancestor (they bubble and are composed), e.g.',
    "`document.addEventListener('portico-error', (e) => report(e.detail.code))`; in TypeScript the",
    '`detail` is typed through `GlobalEventHandlersEventMap`. A cancelable event is fired before the',
    'action: `preventDefault()` stops it. Per-element notes: [elements.md](elements.md).',
    '',
  );
  const rows = [...eventMap.values()]
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .map((e) => {
      const by = elements.filter((el) => el.events.some((x) => x.name === e.name));
      const cancelable = by.some((el) => el.events.find((x) => x.name === e.name).cancelable);
      const f = fired.get(e.name);
      const yes = (k, dflt) => (f ? ([...f[k]].every(Boolean) ? 'yes' : 'no') : dflt);
      return [
        `<a id="${e.name}"></a>${code(e.name)}`,
        by.map((el) => `[\`<${el.tag}>\`](elements.md#${el.tag})`).join(', '),
        detailCell(e.name),
        yes('bubbles', 'yes'),
        yes('composed', 'yes'),
        cancelable ? 'yes' : 'no',
        cell(e.description),
      ];
    });
  out.push(table(['Event', 'Fired by', 'Detail', 'Bubbles', 'Composed', 'Cancelable', 'Description'], rows), '');
  return out.join('\n');
}

function renderCssMd() {
  const out = [
    mdHeader("src/styles/tokens.data.ts, tokens.css.ts, the components' styles and their @cssprop JSDoc"),
    '# CSS variables',
    '',
  ];
  out.push(
    'Every public `--portico-*` variable. Set one on any ancestor of a component (or `:root`, e.g. by',
    'importing `@portico/elements/tokens.css`) and it inherits into the shadow roots. Colours are',
    '`light-dark()` pairs: the scheme follows `color-scheme`, the OS, or the `theme` attribute. A',
    'component variable falls back to the core tokens, so setting a core token restyles every',
    'component that does not override it. Light and Dark are the computed defaults.',
    '',
    '## Core tokens',
    '',
  );
  const fallsBack = (token) =>
    [...componentVars].filter(([, v]) => new RegExp(`var\\(${token}\\)`).test(publicExpression(v.fallback ?? ''))).map(([n]) => code(n));
  out.push(
    table(
      ['Variable', 'Default', 'Light', 'Dark', 'Used by', 'Description'],
      [...core].map(([name, t]) => {
        const light = resolve(t.value, 'light');
        const dark = resolve(t.value, 'dark');
        const dependents = fallsBack(name);
        return [
          code(name),
          code(t.value),
          code(light),
          dark === light ? '(same)' : code(dark),
          `every element${dependents.length ? `; default of ${dependents.join(', ')}` : ''}`,
          cell(t.description),
        ];
      }),
    ),
    '',
    '## Component variables',
    '',
    table(
      ['Variable', 'Default', 'Light', 'Dark', 'Used by', 'Description'],
      [...componentVars]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([name, v]) => {
          const d = cssDefault(v.fallback);
          return [
            code(name),
            code(d.expr),
            code(d.light),
            d.dark === d.light ? '(same)' : code(d.dark),
            [...v.tags].map((t) => `[\`<${t}>\`](elements.md#${t})`).join(', '),
            cell(v.description),
          ];
        }),
    ),
    '',
  );
  return out.join('\n');
}

// ─── Registration lists: define.ts, package.json `sideEffects`, the size groups ─────────────
// Every element's registration module comes from the manifest (`custom-element-definition`
// exports); the lists that name them are written from it (define.ts, sideEffects) or checked
// against it (the size check's groups; the CDN autoloader reads the manifest itself).
const registered = manifestComponents(manifest); // { name, tag } of every src/components/<name>/<name>.ts
// The provider first, so it is upgraded before the components inside it ask for its context; then
// the customer-portal set, then the rest (related modules together bundle a little smaller).
const rank = (c) => (c.name === 'provider' ? -1 : CUSTOMER.includes(c.name) ? CUSTOMER.indexOf(c.name) : CUSTOMER.length);
const registrationOrder = registered
  .map((c, i) => [rank(c), i, c])
  .sort((a, b) => a[0] - b[0] || a[1] - b[1])
  .map(([, , c]) => c);
function renderDefine() {
  return [
    header('//').trimEnd(),
    '// Registers every Portico element (side effect). The provider first, so it is upgraded before',
    '// the components inside it ask for its context.',
    ...registrationOrder.map((c) => `import './components/${c.name}/${c.name}.js';`),
    '',
  ].join('\n');
}
function renderPackageJson() {
  const sideEffects = [
    './dist/define.js',
    './src/define.ts',
    ...registrationOrder.flatMap((c) => [`./dist/components/${c.name}/${c.name}.js`, `./src/components/${c.name}/${c.name}.ts`]),
    './dist/cdn/*.js',
    '*.css',
  ];
  return `${JSON.stringify({ ...pkgJson, sideEffects }, null, 2)}\n`;
}
for (const name of CUSTOMER) {
  if (!registered.some((c) => c.name === name))
    problems.push(
      `the size check's customer-portal group (packages/tooling/src/size-groups.mjs) names "${name}", which the manifest does not define`,
    );
}

// ─── Write or check ───────────────────────────────────────────────────────────────────────────
if (problems.length) {
  console.error(`generate: the sources disagree:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
const outputs = {
  'packages/elements/src/define.ts': renderDefine(),
  'packages/elements/package.json': renderPackageJson(),
  'packages/elements/types/react.d.ts': renderReact(),
  'packages/elements/types/vue.d.ts': renderVue(),
  'packages/elements/types/svelte.d.ts': renderSvelte(),
  'packages/elements/vscode.html-custom-data.json': renderVscode(),
  'docs/reference/elements.md': renderElementsMd(),
  'docs/reference/events.md': renderEventsMd(),
  'docs/reference/css-variables.md': renderCssMd(),
};
/** Generated code as `biome check --write` leaves it, so that `biome check .` passes on it. */
function biome(rel, text) {
  const bin = join(rootDir, 'node_modules/.bin', process.platform === 'win32' ? 'biome.cmd' : 'biome');
  const r = spawnSync(bin, ['check', '--write', `--stdin-file-path=${rel}`], {
    cwd: rootDir,
    input: text,
    encoding: 'utf8',
    shell: process.platform === 'win32',
  });
  if (r.status !== 0) throw new Error(`biome could not format ${rel}:\n${r.stderr || r.stdout}`);
  return r.stdout;
}
for (const rel of Object.keys(outputs)) if (/\.(ts|json)$/.test(rel)) outputs[rel] = biome(rel, outputs[rel]);
const stale = [];
for (const [rel, text] of Object.entries(outputs)) {
  const file = join(rootDir, rel);
  let current;
  try {
    current = readFileSync(file, 'utf8');
  } catch {}
  if (current === text) continue;
  stale.push(rel);
  if (!checkOnly) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
}
if (checkOnly) {
  if (stale.length) {
    console.error(`Stale generated files (run \`${REGEN}\` and commit them):\n${stale.map((f) => `  ${f}`).join('\n')}`);
    process.exit(1);
  }
  console.log(`${Object.keys(outputs).length} generated files are current.`);
} else console.log(stale.length ? `wrote ${stale.join(', ')}` : 'generated files already current');
