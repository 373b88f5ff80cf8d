import type { PersonalDataOwner } from './repositories';

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
    if (this.owners.some((o) => o.name === owner.name)) throw new Error(`A personal-data owner named ${owner.name} is already registered`);
    this.owners.push(owner);
  }
}
