// Custom-elements manifest (custom-elements.json): the source of Storybook's controls and docs
// and of the React wrappers. Generated from the components' JSDoc (@summary @slot @csspart
// @cssprop @fires) by `pnpm manifest`; `pnpm manifest:check` fails when the committed file is stale.
//
// Besides the component classes (`*.component.ts`) it reads the base element (so inherited
// `client` and `theme` are documented) and each one-line registration file (`<name>.ts`), whose
// `PorticoX.define('portico-x')` the analyzer does not know: `porticoDefine()` turns it into the
// class's `tagName` and a `custom-element-definition` export.

/** `Class.define('tag')` in a registration file → `tagName` on the class's declaration. */
function porticoDefine() {
  /** @type {Map<string, { tag: string, module: string }>} class name → tag and registration module */
  const defined = new Map();
  return {
    name: 'portico-define',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node)) return;
      const callee = node.expression;
      if (!ts.isPropertyAccessExpression(callee) || callee.name.getText() !== 'define') return;
      if (!ts.isIdentifier(callee.expression)) return;
      const [tag] = node.arguments;
      if (!tag || !ts.isStringLiteral(tag) || !tag.text.startsWith('portico-')) return;
      defined.set(callee.expression.text, { tag: tag.text, module: moduleDoc.path });
    },
    packageLinkPhase({ customElementsManifest }) {
      // Only component classes, the base element and registration files: the registration glob
      // also matches a component's styles, messages and helpers, which are no API of their own.
      const registrations = new Set([...defined.values()].map((d) => d.module));
      // Sorted by path: the analyzer's glob walk does not always list files in the same order.
      customElementsManifest.modules = customElementsManifest.modules
        .filter((m) => m.path.endsWith('.component.ts') || m.path === 'src/base/portico-element.ts' || registrations.has(m.path))
        .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      const modules = customElementsManifest.modules;
      for (const mod of modules) {
        for (const decl of mod.declarations ?? []) {
          // `emit(name, …)` is seen as an event literally called "name": the real ones are @fires.
          if (decl.events) decl.events = decl.events.filter((e) => e.name !== 'name' || e.description);
          const def = defined.get(decl.name);
          if (decl.kind !== 'class' || !def) continue;
          decl.customElement = true;
          decl.tagName = def.tag;
          const registration = modules.find((m) => m.path === def.module);
          if (!registration) continue;
          registration.exports = (registration.exports ?? []).filter((e) => e.kind !== 'custom-element-definition' || e.name !== def.tag);
          registration.exports.push({
            kind: 'custom-element-definition',
            name: def.tag,
            declaration: { name: decl.name, module: mod.path },
          });
        }
      }
    },
  };
}

/**
 * Lit's `static properties` as the analyzer should read them: a `{ state: true }` entry is
 * internal reactive state — no attribute (the analyzer gives every entry one) — and a public
 * field needs no `privacy: "public"`, as with the decorators the components used before.
 */
function litStaticProperties() {
  /** @type {Map<string, Set<string>>} class name → its state fields */
  const states = new Map();
  return {
    name: 'portico-lit-static-properties',
    analyzePhase({ ts, node }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      for (const member of node.members) {
        if (!ts.isPropertyDeclaration(member) || member.name.getText() !== 'properties') continue;
        if (!member.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword)) continue;
        if (!member.initializer || !ts.isObjectLiteralExpression(member.initializer)) continue;
        const names = new Set();
        for (const prop of member.initializer.properties) {
          if (!ts.isPropertyAssignment(prop) || !ts.isObjectLiteralExpression(prop.initializer)) continue;
          const isState = prop.initializer.properties.some(
            (p) => ts.isPropertyAssignment(p) && p.name.getText() === 'state' && p.initializer.kind === ts.SyntaxKind.TrueKeyword,
          );
          if (isState) names.add(prop.name.getText());
        }
        states.set(node.name.text, names);
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      const decls = customElementsManifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.kind === 'class');
      const byName = new Map(decls.map((d) => [d.name, d]));
      /** The state fields of a class and of every class it extends. */
      const stateOf = (decl) => {
        const own = states.get(decl.name) ?? new Set();
        const parent = decl.superclass && byName.get(decl.superclass.name);
        return parent ? new Set([...own, ...stateOf(parent)]) : own;
      };
      for (const decl of decls) {
        const state = stateOf(decl);
        for (const member of decl.members ?? []) {
          if (member.privacy === 'public') delete member.privacy;
          if (state.has(member.name)) delete member.attribute;
        }
        if (decl.attributes) decl.attributes = decl.attributes.filter((a) => !state.has(a.fieldName));
        if (decl.attributes?.length === 0) delete decl.attributes;
      }
    },
  };
}

export default {
  globs: ['src/components/**/*.component.ts', 'src/components/*/*.ts', 'src/base/portico-element.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts', 'src/stories/**', 'src/testing/**'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  packagejson: false,
  plugins: [porticoDefine(), litStaticProperties()],
};
