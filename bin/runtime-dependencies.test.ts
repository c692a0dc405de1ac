import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

// `npm ci --omit=dev && npm start` installs only `dependencies`, and npm start builds the client with
// Vite: every package the server, the CLI, the start scripts or the client build import must be there.
const root = fileURLToPath(new URL('..', import.meta.url));
const RUNTIME_ROOTS = ['server', 'common', 'client', 'bin', 'vite.config.ts'];
// server/openapi only generates client/api/schema.d.ts for developers (npm run generate:api).
const NOT_AT_RUN_TIME = [/\.test\.tsx?$/, /^server\/test\//, /^server\/openapi\//];

function sourceFiles(path: string): string[] {
  const full = join(root, path);
  if (!statSync(full).isDirectory()) return /\.(ts|tsx|mjs|js)$/.test(path) ? [path] : [];
  return readdirSync(full).flatMap((entry) => sourceFiles(join(path, entry)));
}

/** Package names a source file imports at run time (type-only imports are erased and left out). */
export function importedPackages(source: string): string[] {
  const specifiers: string[] = [];
  const patterns = [
    /^\s*import\s+(?!type\s)(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm,
    /^\s*export\s+(?!type\s)[^'"]*?\sfrom\s+['"]([^'"]+)['"]/gm,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) for (const match of source.matchAll(pattern)) specifiers.push(match[1]!);
  return specifiers
    .filter((specifier) => !specifier.startsWith('.') && !specifier.startsWith('/') && !specifier.startsWith('node:'))
    .map((specifier) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/'))
    .filter((name) => !builtinModules.includes(name));
}

/** Runtime imports whose package is not in the manifest's dependencies, as "package (file)". */
export function missingRuntimeDependencies(manifest: { dependencies?: Record<string, string> }): string[] {
  const dependencies = new Set(Object.keys(manifest.dependencies ?? {}));
  const missing = new Set<string>();
  for (const file of RUNTIME_ROOTS.flatMap(sourceFiles)) {
    const path = relative(root, join(root, file)).replaceAll('\\', '/');
    if (NOT_AT_RUN_TIME.some((pattern) => pattern.test(path))) continue;
    for (const name of importedPackages(readFileSync(join(root, file), 'utf8'))) {
      if (!dependencies.has(name)) missing.add(`${name} (${path})`);
    }
  }
  return [...missing].sort();
}

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

describe('production install', () => {
  it('has every package imported at run time (server, CLI, start scripts, client build) in dependencies', () => {
    expect(missingRuntimeDependencies(manifest)).toEqual([]);
  });

  it('notices a runtime package moved to devDependencies', () => {
    const { vite, fastify, ...rest } = manifest.dependencies;
    expect(vite && fastify).toBeTruthy();
    const missing = missingRuntimeDependencies({ dependencies: rest });
    expect(missing).toContain('vite (vite.config.ts)');
    expect(missing).toContain('fastify (server/app.ts)');
  });

  it('reads import forms and ignores relative, built-in and type-only imports', () => {
    const source = [
      "import { z } from 'zod';",
      "import type { Foo } from 'type-only-package';",
      "import '@scope/side-effect/register';",
      "export { x } from 're-exported';",
      "const lazy = await import('lazy-package');",
      "import { readFileSync } from 'node:fs';",
      "import path from 'path';",
      "import { local } from './local.js';",
    ].join('\n');
    expect(importedPackages(source).sort()).toEqual(['@scope/side-effect', 'lazy-package', 're-exported', 'zod']);
  });
});
