import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The lint rules that keep the process wall: the renderer and shared/ may not reach Node or main/.
const eslint = new ESLint();
const lint = async (filePath: string, code: string) => {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
};

describe('process boundaries', () => {
  it('refuse a renderer file that imports a Node built-in or main/', async () => {
    expect(await lint('renderer/src/x.ts', "import fs from 'node:fs';\nexport const a = fs;\n")).toHaveLength(1);
    expect(await lint('renderer/src/x.ts', "import path from 'path';\nexport const a = path;\n")).toHaveLength(1);
    expect(await lint('renderer/src/x.ts', "import { log } from '../../main/logger';\nexport const a = log;\n")).toHaveLength(1);
    expect(await lint('renderer/src/x.ts', "import Database from 'better-sqlite3';\nexport const a = Database;\n")).toHaveLength(
      1,
    );
  });

  it('refuse a shared/ file that imports Node, main/ or renderer/', async () => {
    expect(await lint('shared/x.ts', "import fs from 'node:fs';\nexport const a = fs;\n")).toHaveLength(1);
    expect(await lint('shared/x.ts', "import { log } from '../main/logger';\nexport const a = log;\n")).toHaveLength(1);
    expect(await lint('shared/x.ts', "import { App } from '../renderer/src/app';\nexport const a = App;\n")).toHaveLength(1);
  });

  it('allow the renderer to import shared/', async () => {
    expect(
      await lint('renderer/src/x.ts', "import { contract } from '../../shared/contract';\nexport const a = contract;\n"),
    ).toEqual([]);
  });
});
