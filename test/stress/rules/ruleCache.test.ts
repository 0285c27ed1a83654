// runRules with a RuleCache (per-project findings kept for projects the incremental model reused,
// structure findings while the headings and TOC are the same objects; resolved findings and their
// JSON kept with them)
// must give exactly the findings of a plain run, after any edit.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ProjectCatalog, Quotas } from '../../../server/src/core/cncfProjects';
import { applyEdits, parseFull, type IncrementalState } from '../../../server/src/core/incremental';
import { termOfPath } from '../../../server/src/core/term';
import { converted } from '../../../server/src/lsp/analyses';
import { jsonOf, jsonText } from '../../../server/src/preserialized';
import { RuleCache, runRules } from '../../../server/src/rules';
import { splitLines } from '../../../server/src/rules/util';
import { inventIdeasFile, randomEdit, rng } from '../../unit/incrementalFixtures';
import { GSOC_PATH, GSOC_TEMPLATE, LFX_PATH, LFX_TEMPLATE } from '../../unit/rules/helpers';

const FIXTURES = path.resolve(__dirname, '../../fixtures/parser');

/** Typing that makes or unmakes findings: placeholders, help text, addresses, handles, sizes. */
const TYPED = [' @mentor_github', ' please use the same email address as you use', ', other@example.invalid', ' (@dup-handle)', 'TBD', ' medium', 'x', 'CNCF Project Name'];

const catalog = ProjectCatalog.snapshot();
const quotas = Quotas.defaults();

function run(state: IncrementalState, filePath: string, cache?: RuleCache) {
  return runRules(
    { uri: `file://${filePath}`, path: filePath, text: state.text, lines: splitLines(state.text), model: state.model, term: termOfPath(filePath), catalog, quotas, moved: state.moved },
    { cache },
  );
}

describe('rule cache', function () {
  this.timeout(120_000);
  const cases: { name: string; path: string; text: string }[] = [
    { name: 'invented lfx', path: LFX_PATH, text: inventIdeasFile({ seed: 12, projects: 6, maxProposals: 3 }) },
    { name: 'invented readme', path: '/ws/programs/lfx-mentorship/2031/01-Mar-May/README.md', text: inventIdeasFile({ seed: 13, projects: 5, maxProposals: 3, form: 'readme' }) },
    { name: 'lfx template', path: LFX_PATH, text: LFX_TEMPLATE + inventIdeasFile({ seed: 14, projects: 4, maxProposals: 2 }) },
    { name: 'gsoc template', path: GSOC_PATH, text: GSOC_TEMPLATE + inventIdeasFile({ seed: 15, projects: 4, maxProposals: 2 }) },
    // The template below the entries: edits above it move it (and a project may hold it).
    { name: 'template last', path: LFX_PATH, text: inventIdeasFile({ seed: 16, projects: 4, maxProposals: 2 }) + '\n' + LFX_TEMPLATE },
  ];
  for (const f of fs.existsSync(FIXTURES) ? fs.readdirSync(FIXTURES).filter((x) => x.endsWith('.md')) : []) {
    cases.push({ name: f, path: `/ws/${f}`, text: fs.readFileSync(path.join(FIXTURES, f), 'utf8') });
  }

  it('gives the findings of a plain run after random edits and typing', () => {
    let hits = 0;
    let structureHits = 0;
    let moved = 0;
    let inputHits = 0;
    for (const c of cases) {
      for (let seed = 1; seed <= 3; seed++) {
        const r = rng(seed * 97 + c.name.length);
        let state = parseFull(c.text, { path: c.path });
        const cache = new RuleCache();
        assert.deepStrictEqual(run(state, c.path, cache), run(state, c.path), `${c.name} initial`);
        for (let i = 0; i < 30; i++) {
          let edit;
          if (r() < 0.5) edit = randomEdit(state.text, r);
          else {
            // Typing at the end of a random line (in-line edits: unchanged projects are reused).
            const lines = splitLines(state.text);
            const line = Math.floor(r() * lines.length);
            let offset = 0;
            for (let l = 0; l < line; l++) offset = state.text.indexOf('\n', offset) + 1;
            const at = offset + lines[line].length;
            edit = { start: at, end: at, text: TYPED[Math.floor(r() * TYPED.length)] };
          }
          state = applyEdits(state, [edit]);
          const before = cache.projects;
          const structureBefore = cache.structure;
          const inputsBefore = cache.byInputs.get('duplicate-upstream');
          moved += state.model.projects.filter((p) => { const m = state.moved?.get(p); return m && cache.projects.has(m.from); }).length;
          const cached = run(state, c.path, cache);
          if (cache.projects === before) hits++;
          if (structureBefore && cache.structure === structureBefore) structureHits++;
          if (inputsBefore && cache.byInputs.get('duplicate-upstream') === inputsBefore) inputHits++;
          assert.deepStrictEqual(cached, run(state, c.path), `${c.name} seed ${seed} edit ${i}`);
          // The report's JSON, assembled from per-finding pieces kept across versions, is the diagnostics' JSON.
          const diagnostics = converted(cached);
          assert.equal(jsonText(jsonOf(diagnostics)!), JSON.stringify(diagnostics));
        }
      }
    }
    assert.ok(hits > 100, `cache kept across versions ${hits} times`);
    assert.ok(structureHits > 50, `structure findings kept across versions ${structureHits} times`);
    assert.ok(moved > 50, `findings moved with their project ${moved} times`);
    assert.ok(inputHits > 50, `whole-file findings kept on unchanged inputs ${inputHits} times`);
  });
});
