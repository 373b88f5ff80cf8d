import type { DataStore, PersonalDataOwner } from './repositories';

/** The list of personal-data owners a data store exports and deletes; shared by every database. */
export class PersonalDataRegistry {
  private readonly owners: PersonalDataOwner[];

  constructor(initial: PersonalDataOwner[]) {
    this.owners = [...initial];
  }

  list(): readonly PersonalDataOwner[] {
    return [...this.owners];
  }

  register(owner: PersonalDataOwner): void {
    if (this.owners.some((o) => o.name === owner.name))
      throw new Error(`A personal-data owner named ${owner.name} is already registered`);
    this.owners.push(owner);
  }
}

type BuiltInOwners = Pick<
  DataStore,
  | 'people'
  | 'consents'
  | 'safetyEvents'
  | 'stateKeys'
  | 'intake'
  | 'directLine'
  | 'programProgress'
  | 'conversationRefs'
  | 'enrollments'
  | 'dueQueue'
  | 'checkIns'
>;

/** Every repository keyed by personId, in export order (deleted in reverse, so people go last); the same for every database. */
export function builtInOwners(store: BuiltInOwners): PersonalDataOwner[] {
  return [
    store.people,
    store.consents,
    store.safetyEvents,
    store.stateKeys,
    store.intake,
    store.directLine,
    store.programProgress,
    store.conversationRefs,
    store.enrollments,
    store.dueQueue,
    store.checkIns,
  ];
}
