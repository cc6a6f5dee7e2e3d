import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTaskModule, readTaskModules, taskRegistrySource } from './taskRegistry.ts';

describe('task registry', () => {
  it('workers/tasks.generated.ts is what workers/tasks/*.ts export (run `npm run tasks` after adding a task)', () => {
    const expected = taskRegistrySource(readTaskModules(path.resolve('workers/tasks')));
    expect(readFileSync(path.resolve('workers/tasks.generated.ts'), 'utf8')).toBe(expected);
  });

  it('reads a module’s table in the order written, shorthand or not', () => {
    const m = readTaskModule('a.ts', 'function f() {}\nconst g = f;\nexport const aTasks = { f, gee: g };\nexport const other = 1;');
    expect(m).toEqual({ file: 'a.ts', table: 'aTasks', names: ['f', 'gee'] });
    expect(readTaskModule('b.ts', 'export const x = 1;')).toBeNull();
  });

  it('fails on a task name exported by two modules, naming both files', () => {
    const a = readTaskModule('a.ts', 'export const aTasks = { run, other };')!;
    const b = readTaskModule('b.ts', 'export const bTasks = { run };')!;
    expect(() => taskRegistrySource([a, b])).toThrow(/"run" is exported by both workers\/tasks\/a\.ts and workers\/tasks\/b\.ts/);
  });

  it('fails on a table that is not a plain list of names', () => {
    expect(() => readTaskModule('c.ts', 'export const cTasks = { ...more };')).toThrow(/may only list tasks by name/);
    expect(() => readTaskModule('d.ts', 'export const dTasks = makeTasks();')).toThrow(/must be an object literal/);
  });
});
