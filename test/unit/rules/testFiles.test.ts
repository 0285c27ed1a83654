// Guard: every registered rule has its own test file, named after the rule's source file
// (server/src/rules/mentorEmail.ts -> test/unit/rules/mentorEmail.test.ts).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../../server/src/rules';
import type { Rule } from '../../../server/src/rules/types';

const SERVER_SRC = path.resolve(__dirname, '../../../server/src');
/** Folders holding one diagnostic rule per file (drafts/rules appears with the issue-form drafts). */
const RULE_FOLDERS = ['rules', 'drafts/rules'].map((f) => path.join(SERVER_SRC, f)).filter((f) => fs.existsSync(f));

const isRule = (value: unknown): value is Rule =>
  typeof value === 'object' && value !== null && typeof (value as Rule).id === 'string' && typeof (value as Rule).check === 'function';

/** Each rule object exported by a file of the rule folders, with the file's base name. */
async function ruleSources(): Promise<Map<Rule, string>> {
  const sources = new Map<Rule, string>();
  for (const folder of RULE_FOLDERS) {
    for (const file of fs.readdirSync(folder).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')).sort()) {
      const exports: Record<string, unknown> = await import(path.join(folder, file));
      for (const value of Object.values(exports)) {
        if (isRule(value) && !sources.has(value)) sources.set(value, path.basename(file, '.ts'));
      }
    }
  }
  return sources;
}

describe('rule test files', () => {
  it('every rule in RULES is defined in a rule folder and has test/unit/rules/<source file>.test.ts', async () => {
    const sources = await ruleSources();
    const missing: string[] = [];
    for (const rule of RULES) {
      const source = sources.get(rule);
      assert.ok(source, `rule ${rule.id} is not exported by a file under ${RULE_FOLDERS.join(' or ')}`);
      if (!fs.existsSync(path.join(__dirname, `${source}.test.ts`))) missing.push(`${rule.id}: test/unit/rules/${source}.test.ts`);
    }
    assert.deepEqual(missing, [], 'rules without a test file');
  });

  it('every rule exported from a rule folder has its test file, registered or not', async () => {
    const missing = [...(await ruleSources())]
      .filter(([, source]) => !fs.existsSync(path.join(__dirname, `${source}.test.ts`)))
      .map(([rule, source]) => `${rule.id}: test/unit/rules/${source}.test.ts`);
    assert.deepEqual(missing, [], 'rules without a test file');
  });
});
