import type { OutboundMessage, ResourceCard } from '../../platform/channels/messages';
import type { Content } from '../../platform/content/Content';

const PREFIX = 'resources.handoff';

/**
 * The hand-off card from content/<locale>/messages/resources.yaml. With a ZIP code, links that have a
 * urlWithZip use it (the treatment locator opens on the person's area).
 */
export function handoffCard(content: Content, zip?: string): ResourceCard {
  const links = content.list(`${PREFIX}.links`).map((id) => {
    const key = `${PREFIX}.${id}`;
    const url =
      zip && content.has(`${key}.urlWithZip`) ? content.text(`${key}.urlWithZip`, { zip }) : content.text(`${key}.url`);
    return { label: content.text(`${key}.label`), url, plain: content.text(`${key}.plain`, { url }) };
  });
  return { title: content.text(`${PREFIX}.title`), lines: content.list(`${PREFIX}.lines`), links };
}

export function handoffMessage(content: Content, zip?: string): OutboundMessage {
  return { text: content.text(`${PREFIX}.intro`), card: handoffCard(content, zip) };
}
