import type { ConversationReference } from 'botbuilder';
import type { ConsentRepository, ConversationRefRepository } from '../storage/repositories';

/**
 * Where to reach a person later (weekly check-ins): the conversation reference captured when they
 * install the Teams app or message the coach on Slack.
 * The app stores them durably (StoredConversationReferences); tests may use the in-memory one.
 */
export interface ConversationReferenceStore {
  /** Keeps the reference; true when the store now holds it for them (false: not kept, e.g. no consent yet). */
  save(personId: string, reference: Partial<ConversationReference>, at: Date): Promise<boolean>;
  get(personId: string): Promise<Partial<ConversationReference> | undefined>;
}

export class InMemoryConversationReferences implements ConversationReferenceStore {
  private readonly references = new Map<string, Partial<ConversationReference>>();

  save(personId: string, reference: Partial<ConversationReference>): Promise<boolean> {
    this.references.set(personId, reference);
    return Promise.resolve(true);
  }

  get(personId: string): Promise<Partial<ConversationReference> | undefined> {
    return Promise.resolve(this.references.get(personId));
  }
}

/**
 * The durable default: the check-in scheduler's conversation-reference repository (SQLite or PostgreSQL).
 * A reference is kept only for someone who agreed to the privacy note: it is only needed for check-ins,
 * which need that agreement, and without it the coach keeps nothing it can do without.
 */
export class StoredConversationReferences implements ConversationReferenceStore {
  constructor(
    private readonly repository: ConversationRefRepository,
    private readonly consents: Pick<ConsentRepository, 'get'>,
  ) {}

  /** A person id is `<channelId>:<userId>` (src/platform/bot/identity.ts). */
  private channelOf(personId: string, reference?: Partial<ConversationReference>): string {
    return reference?.channelId ?? personId.slice(0, personId.indexOf(':'));
  }

  async save(personId: string, reference: Partial<ConversationReference>, at: Date): Promise<boolean> {
    if ((await this.consents.get(personId))?.status !== 'granted') return false;
    await this.repository.save(personId, this.channelOf(personId, reference), reference, at);
    return true;
  }

  async get(personId: string): Promise<Partial<ConversationReference> | undefined> {
    return await this.repository.get(personId, this.channelOf(personId));
  }
}
