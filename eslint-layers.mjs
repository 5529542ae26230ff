// The project's layers as an ESLint rule (an import zone check): dependencies point inward only,
// features -> platform -> provider.
// - src/provider/** (the core) imports only itself, zod, undici, @vscode/l10n (its user-facing errors are
//   localised without vscode) and Node built-ins (never vscode);
// - src/platform/** imports no feature;
// - a feature folder (any other folder under src/: chat, completion, actions, ...) imports no other
//   feature; src/webview/<name>/ belongs to feature <name> (it shares that feature's protocol);
// - src/main.ts, the composition root, and src/extension.ts may import anything.
// Every relative import is resolved against the importing file, so depth does not matter.
import { builtinModules } from 'node:module';
import * as path from 'node:path';

const CORE_PACKAGES = new Set(['zod', 'zod/mini', 'undici', '@vscode/l10n']);
const SHARED = new Set(['provider', 'platform']);

/** 'provider' | 'platform' | 'root' | 'webview-shared' | a feature name; undefined outside src/. */
function layerOf(file) {
  const parts = path.relative(path.resolve('src'), file).split(path.sep);
  if (parts[0] === '..' || path.isAbsolute(parts[0])) return undefined;
  // A single part is src/main.ts or src/extension.ts, or a folder's index ('../provider').
  if (parts.length === 1) return ['main', 'extension'].includes(parts[0].replace(/\.[cm]?[jt]s$/, '')) ? 'root' : parts[0];
  if (parts[0] === 'webview') return parts.length > 2 && parts[1] !== 'shared' ? parts[1] : 'webview-shared';
  return parts[0];
}

function isBuiltin(spec) {
  return spec.startsWith('node:') || builtinModules.includes(spec.split('/')[0]);
}

/** Why `spec` imported from `file` breaks the layers, or undefined. */
export function layerViolation(file, spec) {
  const from = layerOf(file);
  if (from === undefined || from === 'root') return undefined;
  if (!spec.startsWith('.')) {
    if (from !== 'provider' || CORE_PACKAGES.has(spec) || isBuiltin(spec)) return undefined;
    return `src/provider is the core: it imports only itself, zod, undici, @vscode/l10n and Node built-ins, not "${spec}".`;
  }
  const to = layerOf(path.resolve(path.dirname(file), spec));
  if (to === undefined || to === from) return undefined;
  if (from === 'provider') return `src/provider is the core: it imports only itself, not src/${to} ("${spec}").`;
  if (to === 'root') return `Only the composition root imports src/main.ts or src/extension.ts ("${spec}").`;
  if (SHARED.has(to) || to === 'webview-shared') return undefined;
  if (from === 'platform') return `src/platform imports no feature: "${spec}" is in src/${to}. Move what is shared down to platform or provider.`;
  return `Features never import each other: src/${from} imports src/${to} ("${spec}"). Move what is shared down to platform or provider, or go through a command.`;
}

const rule = {
  meta: { type: 'problem', schema: [], docs: { description: 'Imports follow the layers: features -> platform -> provider.' } },
  create(context) {
    const check = (node) => {
      const spec = node.source?.value;
      if (typeof spec !== 'string') return;
      const message = layerViolation(context.filename, spec);
      if (message) context.report({ node: node.source, message });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
      TSImportEqualsDeclaration: (node) => {
        const expression = node.moduleReference?.expression;
        if (expression?.type === 'Literal') check({ source: expression });
      },
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments[0]?.type === 'Literal') {
          check({ source: node.arguments[0] });
        }
      },
    };
  },
};

export default { rules: { imports: rule } };
