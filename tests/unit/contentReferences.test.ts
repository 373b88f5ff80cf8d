import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ContentError } from '../../src/platform/content/Content';
import { loadContent } from '../../src/platform/content/loader';
import { makeTempDir } from '../support/app';

function contentWith(files: Record<string, string>): string {
  const root = makeTempDir('content-');
  mkdirSync(join(root, 'en', 'messages'), { recursive: true });
  for (const [name, yaml] of Object.entries(files)) writeFileSync(join(root, 'en', 'messages', name), yaml);
  return root;
}

describe('{@key} references between texts', () => {
  test('are resolved at load, so resources live in one file', () => {
    const root = contentWith({
      'resources.yaml': 'crisisNumber: "988"\nline: Call {@resources.crisisNumber} now.\n',
      'safety.yaml': 'text: "Please reach out. {@resources.line} You matter, {name}."\n',
    });
    const content = loadContent('en', root);
    expect(content.text('safety.text', { name: 'Sam' })).toBe('Please reach out. Call 988 now. You matter, Sam.');
    expect(content.entries().find(([key]) => key === 'safety.text')?.[1]).toBe(
      'Please reach out. Call 988 now. You matter, {name}.',
    );
  });

  test('an unknown reference stops start-up, naming the text', () => {
    const root = contentWith({ 'safety.yaml': 'text: "Call {@resources.nowhere}."\n' });
    expect(() => loadContent('en', root)).toThrow(ContentError);
    expect(() => loadContent('en', root)).toThrow(/safety\.text.*resources\.nowhere/);
  });

  test('a reference cycle stops start-up', () => {
    const root = contentWith({ 'a.yaml': 'one: "{@a.two}"\ntwo: "{@a.one}"\n' });
    expect(() => loadContent('en', root)).toThrow(/cycle/);
  });

  test('the shipped content: every safety answer carries the resources from resources.yaml', () => {
    const content = loadContent('en');
    expect(content.text('safety.suicide.reachOut')).toContain(content.text('resources.crisisLine'));
    expect(content.text('safety.medical.poison')).toBe(content.text('resources.poisonControl'));
    expect(content.text('welcome.notClinician')).toContain(`call ${content.text('resources.emergencyNumber')}`);
  });
});
