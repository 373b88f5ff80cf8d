import { DefaultRenderer } from '../../src/platform/channels/render';
import { linesAsMarkdown, linesAsMrkdwn, TEAMS_LINES } from '../../src/platform/channels/renderers/lines';
import { slackMessageOf } from '../../src/platform/channels/renderers/slack';
import { loadContent } from '../../src/platform/content/loader';

/*
 * Content texts are plain lines ("• " before list items). Markdown would run single lines together
 * into one paragraph, so each channel's renderer keeps them as lines and lists. (The web page does it
 * in its own markdown step; tests/browser checks it there.)
 */
const content = loadContent('en');
const renderer = new DefaultRenderer(content);
const review = ["Here's what you told me:", '• What you use: plain leaf', '• Now: 8 g a day', 'Is that right?'].join(
  '\n',
);
const steps = ['Write down, just for you:', '1. When you started.', '2. How much you take now.'].join('\n');
const taper = ['Here is a rough plan.', 'Now: about 8 g a day', 'Week 1: about 7 g a day'].join('\n');

describe('Microsoft Teams: lines become a markdown list or separate paragraphs', () => {
  test('bullet lines are a list that stands apart from the text around it', () => {
    expect(renderer.render({ text: review }, 'msteams').text).toBe(
      ["Here's what you told me:", '', '- What you use: plain leaf', '- Now: 8 g a day', '', 'Is that right?'].join(
        '\n',
      ),
    );
  });

  test('numbered lines stay a numbered list; other lines each get their own paragraph', () => {
    expect(linesAsMarkdown(steps, TEAMS_LINES)).toBe(
      ['Write down, just for you:', '', '1. When you started.', '2. How much you take now.'].join('\n'),
    );
    expect(renderer.render({ text: taper }, 'msteams').text).toBe(taper.split('\n').join('\n\n'));
  });

  test('a text on one line, and blank-line paragraphs, come through unchanged', () => {
    expect(linesAsMarkdown('One line with [988](tel:988).', TEAMS_LINES)).toBe('One line with [988](tel:988).');
    expect(linesAsMarkdown('First.\n\nSecond.', TEAMS_LINES)).toBe('First.\n\nSecond.');
  });
});

describe('Slack: mrkdwn keeps line breaks; list items get a bullet', () => {
  test('the section text has one line per content line, dashes turned into bullets', () => {
    const slack = slackMessageOf(
      renderer.render({ text: "Here's what you told me:\n- plain leaf\n- 8 g a day" }, 'slack'),
    );
    expect(slack.blocks[0]).toEqual({
      type: 'section',
      text: { type: 'mrkdwn', text: "Here's what you told me:\n• plain leaf\n• 8 g a day" },
    });
  });

  test('bullets and plain lines are left as lines', () => {
    expect(linesAsMrkdwn(review)).toBe(review);
    expect(linesAsMrkdwn('* one\n* two')).toBe('• one\n• two');
  });
});

describe('Web Chat: the activity keeps the plain text (the page keeps its lines)', () => {
  test('the text is exactly the content text, so the history and the export show it as written', () => {
    expect(renderer.render({ text: review }, 'directline').text).toBe(review);
  });
});
