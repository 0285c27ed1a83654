// duplicate-upstream: two proposals on the same issue.
import * as assert from 'node:assert/strict';
import { ProjectCatalog, Quotas } from '../../../server/src/core/cncfProjects';
import { KnowledgeIndex } from '../../../server/src/core/knowledge';
import { parseIdeas } from '../../../server/src/core/parse';
import { termOfPath } from '../../../server/src/core/term';
import { WorkspaceIndex } from '../../../server/src/core/workspaceIndex';
import { RuleCache, runRules } from '../../../server/src/rules';
import { knowledgeView } from '../../../server/src/rules/knowledgeView';
import { splitLines } from '../../../server/src/rules/util';
import { check, cleanFile, LFX_PATH, lfxFile, only, proposal } from './helpers';

describe('duplicate-upstream', () => {
  it('reports two proposals on the same issue after normalisation', () => {
    const text = lfxFile([
      {
        project: 'Jaeger',
        proposals: [
          proposal({ title: 'Adaptive sampling', upstream: 'https://github.com/example-org/example/issues/42' }),
          proposal({ title: 'Storage backends', upstream: 'https://www.github.com/Example-Org/example/issues/42/#issuecomment-1' }),
        ],
      },
    ]);
    const [f] = only(check(text), 'duplicate-upstream');
    assert.equal(f.severity, 'error');
    assert.match(f.message, /also backs "Adaptive sampling"/);
    assert.equal(f.related?.length, 1);
  });

  it('accepts distinct issues', () => {
    assert.deepEqual(only(check(cleanFile()), 'duplicate-upstream'), []);
  });

  it("keeps its findings while only the file's own index entry changes, runs again when another file's does", () => {
    const upstream = 'https://github.com/example-org/example/issues/42';
    const text = lfxFile([{ project: 'Jaeger', proposals: [proposal({ title: 'Adaptive sampling', upstream })] }]);
    const uri = `file://${LFX_PATH}`;
    const model = parseIdeas(text, { path: LFX_PATH });
    const index = new WorkspaceIndex();
    index.set(uri, LFX_PATH, model);
    const knowledge = KnowledgeIndex.attach(index);
    const cache = new RuleCache();
    const ctx = { uri, path: LFX_PATH, text, lines: splitLines(text), model, term: termOfPath(LFX_PATH), catalog: ProjectCatalog.snapshot(), quotas: Quotas.defaults(), knowledge: knowledgeView(index, knowledge) };
    const run = () => only(runRules(ctx, { cache }), 'duplicate-upstream');
    assert.deepEqual(run(), []);
    const kept = cache.byInputs.get('duplicate-upstream');
    // The editor's own version goes into the index (every pause in typing): nothing to run again.
    index.set(uri, LFX_PATH, parseIdeas(text, { path: LFX_PATH }));
    assert.deepEqual(run(), []);
    assert.equal(cache.byInputs.get('duplicate-upstream'), kept, 'the findings were kept');
    // Another ideas file of the term (a fork's copy) takes the same issue: run again, and it is reported.
    const other = LFX_PATH.replace('/ws/', '/fork/');
    index.set(`file://${other}`, other, parseIdeas(lfxFile([{ project: 'Jaeger', proposals: [proposal({ title: 'Storage backends', upstream })] }]), { path: other }));
    assert.equal(run().length, 1);
    assert.notEqual(cache.byInputs.get('duplicate-upstream'), kept);
  });
});
