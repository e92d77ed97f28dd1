import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The house rules of docs/architecture.md, checked on the source: the four parts meet only at `layers/`
 * (and HTTP), and no module imports itself back through others.
 */
const root = resolve(import.meta.dirname, '..');
const parts = ['layers', 'datasets', 'tiles-server', 'viewer'] as const;
const allowed: Record<(typeof parts)[number], string[]> = {
  layers: ['layers'],
  datasets: ['datasets', 'layers'],
  'tiles-server': ['tiles-server', 'layers'],
  viewer: ['viewer', 'layers'],
};

const sources = parts.flatMap((part) =>
  readdirSync(join(root, part), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name))
    .map((entry) => relative(root, join(entry.parentPath, entry.name))),
);

const imports = new Map(
  sources.map((file) => {
    const text = readFileSync(join(root, file), 'utf8');
    const targets = [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+'(\.[^']+)'/g)].map((m) => relative(root, resolve(root, dirname(file), m[1]!)));
    return [file, targets] as const;
  }),
);

describe('architecture', () => {
  it('finds the source files', () => {
    expect(sources.length).toBeGreaterThan(50);
  });

  for (const part of parts) {
    it(`keeps ${part}/ to ${allowed[part].join(' and ')}`, () => {
      const crossings = [...imports]
        .filter(([file]) => file.startsWith(`${part}/`))
        .flatMap(([file, targets]) => targets.filter((t) => !allowed[part].some((p) => t.startsWith(`${p}/`))).map((t) => `${file} → ${t}`));
      expect(crossings).toEqual([]);
    });
  }

  it('has no import cycles', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'visiting') {
        cycles.push([...path.slice(path.indexOf(file)), file].join(' → '));
        return;
      }
      state.set(file, 'visiting');
      for (const target of imports.get(file) ?? []) visit(target, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of sources) visit(file, []);
    expect(cycles).toEqual([]);
  });

  it('keeps Cesium and Resium out of the lite viewer (its JavaScript size bar)', () => {
    const reached = new Set<string>();
    const visit = (file: string) => {
      if (reached.has(file)) return;
      reached.add(file);
      for (const target of imports.get(file) ?? []) visit(target);
    };
    visit('viewer/lite/main.tsx');
    expect(reached.size).toBeGreaterThan(10);
    const engines = [...reached].filter((file) => /(from|import)\s+'(cesium|resium)(\/[^']*)?'/.test(readFileSync(join(root, file), 'utf8')));
    expect(engines).toEqual([]);
  });
});
