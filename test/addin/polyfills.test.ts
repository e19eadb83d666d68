import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// Office 2019 on Windows runs the pane in EdgeHTML 18: a bundle with a Unicode property escape or a
// regex lookbehind fails to parse there and the whole pane is dead. npm test builds the pane first.
describe('the built task pane for EdgeHTML 18', () => {
  const dist = join(__dirname, '..', '..', 'dist', 'addin');

  it.each(['taskpane.js', 'commands.js'])('%s has no regex syntax EdgeHTML 18 cannot parse', (file) => {
    const code = readFileSync(join(dist, file), 'utf8');
    // In a regex literal the escape has one backslash; in a string (compiled only if used, like zod's
    // emoji pattern) it has two.
    expect(code.match(/(?:^|[^\\])\\[pP]\{[A-Za-z_=]+\}/g) ?? []).toEqual([]);
    expect(code.match(/\(\?<[=!]/g) ?? []).toEqual([]);
  });
});
