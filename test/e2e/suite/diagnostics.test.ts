// Diagnostics and quick fixes in the real editor: each test writes a file with invented problems into
// the fixture workspace for itself alone (a 2099 term), applies quick fixes through VS Code and checks
// the text; the file is removed after the test, once the server's index has dropped it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { pollUntil, scratchFile, type ScratchFile } from './helpers';

const TEXT = `## Template

\`\`\`
### CNCF Project Name

#### Mentorship project Title

- Description:
- Expected Outcome:
- Recommended Skills:
- Mentor(s):
  - Mentor Name (@mentor_github, mentor@email.addy)
- Upstream Issue:
\`\`\`

## Proposed Project ideas

### Jaeger

#### Trace diffing view

- Description: Compare two traces side by side.
- Recommended Skills: TypeScript
- Mentor(s):
  - Alice Example (alice-example, <alice@example.org>)
  - Bob Sample (@bob-sample, bob@example.net)
- Upstream Issue: https://github.com/example-org/tracing-ui/issues/11

##### Sampling presets

- Description: Offer sampling presets.
- Expected Outcome: Presets in the UI.
- Recommended Skills: Go
- Mentor(s):
  - Bob Sample (@bob-sample, bob@example.net)
  - Carol Invented (@carol-invented, carol@example.com)
- Upstream Issue: https://github.com/example-org/tracing/issues/12
`;

function ourDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'project-ideas');
}

const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));
const show = (ds: vscode.Diagnostic[]) => ds.map((d) => `${codeOf(d)} ${d.range.start.line + 1}: ${d.message}`).join('\n') || '(none)';

/** Waits for a diagnostic of `code` and a quick fix for it matching `title`, then applies the fix. */
async function applyQuickFix(document: vscode.TextDocument, code: string, title: RegExp): Promise<void> {
  const actions = await pollUntil(
    `a ${code} diagnostic with a quick fix matching ${title}`,
    async () => {
      const diagnostic = ourDiagnostics(document.uri).find((d) => codeOf(d) === code);
      if (!diagnostic) return [] as vscode.CodeAction[];
      return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value)) ?? [];
    },
    (list) => list.some((a) => title.test(a.title)),
    { show: (list) => `${list.map((a) => a.title).join(' | ') || '(no actions)'}\n${show(ourDiagnostics(document.uri))}` },
  );
  const action = actions.find((a) => title.test(a.title))!;
  assert.ok(action.edit, `${action.title} carries no edit`);
  const before = document.version;
  assert.ok(await vscode.workspace.applyEdit(action.edit));
  await pollUntil('the edit to land', () => document.version, (v) => v > before);
}

describe('Diagnostics and quick fixes', () => {
  let file: ScratchFile;
  let uri: vscode.Uri;
  let document: vscode.TextDocument;

  beforeEach(async () => {
    file = await scratchFile('2099/01-Test', TEXT);
    ({ uri, document } = file);
  });

  afterEach(async () => {
    await file.remove();
  });

  it('reports the problems of the file with rule codes', async () => {
    const diagnostics = await pollUntil(
      'required-field, mentor-format and heading-level diagnostics',
      () => ourDiagnostics(uri),
      (ds) => ['required-field', 'mentor-format', 'heading-level'].every((c) => ds.some((d) => codeOf(d) === c)),
      { show },
    );
    const missing = diagnostics.find((d) => codeOf(d) === 'required-field')!;
    assert.equal(missing.severity, vscode.DiagnosticSeverity.Error);
    assert.match(missing.message, /"Trace diffing view" has no "Expected Outcome" field/);
  });

  it('applies three quick fixes and the text is as expected', async () => {
    // Each fix is applied once its diagnostic is there: the quick fixes come from the newest findings.
    await applyQuickFix(document, 'mentor-format', /^Rewrite as "Alice Example \(@alice-example, alice@example\.org\)"$/);
    await applyQuickFix(document, 'heading-level', /^Make it a level-4 heading/);
    await applyQuickFix(document, 'required-field', /^Add the "Expected Outcome" field$/);
    const text = document.getText();
    assert.ok(text.includes('  - Alice Example (@alice-example, alice@example.org)\n  - Bob Sample'), text);
    assert.ok(text.includes('\n#### Sampling presets\n'), text);
    assert.ok(text.includes('- Description: Compare two traces side by side.\n- Expected Outcome:\n- Recommended Skills: TypeScript\n'), text);
    // Only the fixed lines changed.
    assert.equal(text.split('\n').length, TEXT.split('\n').length + 1);
    await pollUntil(
      'the fixed problems to disappear',
      () => ourDiagnostics(uri),
      (ds) => !ds.some((d) => codeOf(d) === 'mentor-format' || codeOf(d) === 'heading-level'),
      { show },
    );
  });

  it('offers to disable a rule for the file', async () => {
    const actions = await pollUntil(
      'a "Disable required-field" quick fix',
      async () => {
        const diagnostic = ourDiagnostics(uri).find((d) => codeOf(d) === 'required-field');
        if (!diagnostic) return [] as vscode.CodeAction[];
        return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value)) ?? [];
      },
      (list) => list.some((a) => a.title === 'Disable "required-field" for this file'),
      { show: (list) => `${list.map((a) => a.title).join(' | ') || '(no actions)'}\n${show(ourDiagnostics(uri))}` },
    );
    const disable = actions.find((a) => a.title === 'Disable "required-field" for this file')!;
    assert.ok(disable.edit);
    assert.ok(await vscode.workspace.applyEdit(disable.edit));
    assert.ok(document.getText().startsWith('<!-- project-ideas-disable required-field -->\n## Template'));
    await pollUntil('required-field to be silenced', () => ourDiagnostics(uri), (ds) => !ds.some((d) => codeOf(d) === 'required-field'), { show });
  });
});
