import { Injectable } from '@nestjs/common';
import { PeopleRoutes, personSnapshotOf, type Person } from '@eduplan/contracts';
import { BusClient, BusRequestError, DomainException } from '@eduplan/platform';

/**
 * A person chosen from the registry (a signatory, an approver) as orders and routes keep them: their name
 * and position copied at the moment of choosing, so a later rename does not rewrite a signed act. A person
 * unknown or no longer employed is refused, naming the field that chose them.
 */
@Injectable()
export class PersonSnapshots {
  constructor(private readonly bus: BusClient) {}

  /** `staffOf`: the organization the person must work for (an order's signatory works for its issuer). */
  async of(personId: string, field: string, staffOf?: string): Promise<Person> {
    let person;
    try {
      person = await this.bus.request(PeopleRoutes.get, { id: personId });
    } catch (error) {
      if (error instanceof BusRequestError && error.payload.code === 'NOT_FOUND') {
        throw new DomainException('VALIDATION', `${field}: сотрудник ${personId} не найден в реестре — выберите сотрудника из списка организации`);
      }
      throw error;
    }
    if (!person.active) throw new DomainException('VALIDATION', `${field}: ${person.fullName} больше не работает в организации — выберите другого сотрудника`);
    if (staffOf !== undefined && person.organizationId !== staffOf) {
      throw new DomainException('VALIDATION', `${field}: ${person.fullName} не сотрудник организации, издающей приказ — выберите сотрудника из её списка`);
    }
    return personSnapshotOf(person);
  }
}
