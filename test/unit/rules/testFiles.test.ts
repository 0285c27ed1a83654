// Guard: every diagnostic rule has its own test file, named after the rule's source file, that names
// the rule's id. Ideas-file rules: server/src/rules/mentorEmail.ts -> test/unit/rules/mentorEmail.test.ts.
// Rules of other document kinds mirror their folder (server/src/drafts/rules/quota.ts ->
// test/unit/drafts/rules/quota.test.ts); test/unit/rules/<name>.test.ts is accepted for them too when it
// names their id (two kinds may have a rule file of the same name).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../../server/src/rules';

const SERVER_SRC = path.resolve(__dirname, '../../../server/src');
const UNIT = path.resolve(__dirname, '..');
/** Folders holding one diagnostic rule per file (drafts/rules: issue-form drafts). */
const RULE_FOLDERS = ['rules', 'drafts/rules'].filter((f) => fs.existsSync(path.join(SERVER_SRC, f)));

interface RuleLike {
  id: string;
  check: (...args: never[]) => unknown;
}

const isRule = (value: unknown): value is RuleLike =>
  typeof value === 'object' && value !== null && typeof (value as RuleLike).id === 'string' && typeof (value as RuleLike).check === 'function';

/** Every rule object exported by a file of the rule folders, with its source (folder and base name). */
async function ruleSources(): Promise<Map<RuleLike, { folder: string; name: string }>> {
  const sources = new Map<RuleLike, { folder: string; name: string }>();
  for (const folder of RULE_FOLDERS) {
    const dir = path.join(SERVER_SRC, folder);
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')).sort()) {
      const exports: Record<string, unknown> = await import(path.join(dir, file));
      for (const value of Object.values(exports)) {
        if (isRule(value) && !sources.has(value)) sources.set(value, { folder, name: path.basename(file, '.ts') });
      }
    }
  }
  return sources;
}

/** The test files a rule may have, relative to test/unit. */
function testFilesFor(source: { folder: string; name: string }): string[] {
  return [...new Set([`${source.folder}/${source.name}.test.ts`, `rules/${source.name}.test.ts`])];
}

/** The rule's test file: one of its candidates that exists and names the rule's id in quotes. */
function testFileOf(rule: RuleLike, source: { folder: string; name: string }): string | undefined {
  const quoted = new RegExp(`['"\`]${rule.id.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}['"\`]`);
  return testFilesFor(source).find((f) => {
    const file = path.join(UNIT, f);
    return fs.existsSync(file) && quoted.test(fs.readFileSync(file, 'utf8'));
  });
}

describe('rule test files', () => {
  it('finds the rules by their files', async () => {
    const sources = await ruleSources();
    for (const rule of RULES) assert.ok(sources.has(rule), `rule ${rule.id} is not exported by a file under server/src/rules`);
    // Each folder's registry (RULES, DRAFT_RULES...) lists rules exported by the folder's files.
    for (const folder of RULE_FOLDERS) {
      const registry: Record<string, unknown> = await import(path.join(SERVER_SRC, folder, 'index.ts'));
      const listed = Object.values(registry).filter(Array.isArray).flat().filter(isRule);
      assert.ok(listed.length > 0, `server/src/${folder}/index.ts exports its rules`);
      for (const rule of listed) assert.ok(sources.has(rule), `rule ${rule.id} is not exported by a file under server/src/${folder}`);
    }
    assert.deepEqual(testFilesFor({ folder: 'rules', name: 'mentorEmail' }), ['rules/mentorEmail.test.ts']);
    assert.deepEqual(testFilesFor({ folder: 'drafts/rules', name: 'quota' }), ['drafts/rules/quota.test.ts', 'rules/quota.test.ts']);
  });

  it('every rule has a test file named after its source file that names its id', async () => {
    const missing = [...(await ruleSources())]
      .filter(([rule, source]) => !testFileOf(rule, source))
      .map(([rule, source]) => `${rule.id} (server/src/${source.folder}/${source.name}.ts): test/unit/${testFilesFor(source)[0]}`);
    assert.deepEqual(missing, [], 'rules without a test file naming them');
  });
});
