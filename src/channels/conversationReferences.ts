import type { ConversationReference } from 'botbuilder';

/**
 * Where to reach a person later (weekly check-ins): the conversation reference captured when they
 * install the Teams app or message the coach on Slack.
 *
 * A seam only: the SQLite/PostgreSQL repository for conversation references comes from another branch.
 * When it lands, buildApp hands its repository in here instead of the in-memory default.
 */
export interface ConversationReferenceStore {
  save(personId: string, reference: Partial<ConversationReference>, at: Date): Promise<void>;
  get(personId: string): Promise<Partial<ConversationReference> | undefined>;
}

export class InMemoryConversationReferences implements ConversationReferenceStore {
  private readonly references = new Map<string, Partial<ConversationReference>>();

  async save(personId: string, reference: Partial<ConversationReference>): Promise<void> {
    this.references.set(personId, reference);
  }

  async get(personId: string): Promise<Partial<ConversationReference> | undefined> {
    return this.references.get(personId);
  }
}
