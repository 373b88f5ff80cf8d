import type { ChatModel } from '../../platform/nlu/model';
import type { CautionModel } from './SafetyNet';

/**
 * The instructions for the screen. The model answers one word; anything else counts as "no concern", and
 * the answer can only add the direct safety question (SafetyNet), never remove or change a rule's answer.
 */
const INSTRUCTIONS = [
  'You screen messages sent to a recovery coach for people quitting kratom.',
  'Answer with exactly one word.',
  'Answer CONCERN if the message could mean the writer or someone near them is thinking of suicide or self-harm,',
  'has taken something on purpose, or is in a medical emergency now (breathing, heart, unresponsive, a child who swallowed something).',
  'Answer OK for everything else, including ordinary withdrawal complaints, idioms and questions for information.',
].join(' ');

/** A CautionModel backed by the configured chat model (LLM_BASE_URL). Failures and odd replies are "no concern". */
export class ChatModelCaution implements CautionModel {
  readonly name = 'chat-model';

  constructor(
    private readonly model: ChatModel,
    private readonly timeoutMs: number,
  ) {}

  async concerned(text: string): Promise<boolean> {
    const reply = await this.model.invoke(
      [
        { role: 'system', content: INSTRUCTIONS },
        { role: 'user', content: text },
      ],
      { signal: AbortSignal.timeout(this.timeoutMs) },
    );
    const answer = typeof reply.content === 'string' ? reply.content : '';
    return /^\W*concern\b/i.test(answer.trim());
  }
}
