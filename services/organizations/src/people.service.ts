import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ActingPersonDto, MayActDto, PeopleRoutes, PersonDto, SubstitutionDto } from '@eduplan/contracts';
import { auditActorOf, DomainException, notFound } from '@eduplan/platform';
import { DataSource, LessThanOrEqual, MoreThanOrEqual, type EntityManager } from 'typeorm';
import type { z } from 'zod';
import { OrganizationEntity } from './organization.entity';
import { organizationsAudit } from './organizations-audit';
import { PersonEntity, SubstitutionEntity } from './person.entity';

type Request<K extends keyof typeof PeopleRoutes> = z.output<(typeof PeopleRoutes)[K]['request']>;

/** Staff and substitutions: a substitute acts for a person only on the days the person is absent. */
@Injectable()
export class PeopleService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get people() {
    return this.dataSource.getRepository(PersonEntity);
  }

  private get substitutions() {
    return this.dataSource.getRepository(SubstitutionEntity);
  }

  create({ organizationId, actor, ...fields }: Request<'create'>): Promise<PersonDto> {
    return this.dataSource.transaction(async (m) => {
      await this.activeOrganization(m, organizationId);
      const person = m.create(PersonEntity, { organizationId, ...fields, positionTitle: fields.positionTitle ?? null, email: fields.email ?? null, phone: fields.phone ?? null });
      const after = (await m.save(person)).toDto();
      await organizationsAudit.append(m, { actor: auditActorOf(actor), action: 'person.create', objectType: 'person', objectId: after.id, after });
      return after;
    });
  }

  update({ id, changes, actor }: Request<'update'>): Promise<PersonDto> {
    return this.dataSource.transaction(async (m) => {
      const person = await this.person(m, id, true);
      const before = person.toDto();
      if (changes.organizationId) await this.activeOrganization(m, changes.organizationId);
      Object.assign(person, Object.fromEntries(Object.entries(changes).map(([key, value]) => [key, value ?? null])));
      const after = (await m.save(person)).toDto();
      const action = changes.active === false ? 'person.deactivate' : 'person.update';
      await organizationsAudit.append(m, { actor: auditActorOf(actor), action, objectType: 'person', objectId: id, before, after });
      return after;
    });
  }

  async get(id: string): Promise<PersonDto> {
    return (await this.person(this.dataSource.manager, id)).toDto();
  }

  async list({ organizationId, position, status }: Request<'list'>): Promise<PersonDto[]> {
    const people = await this.people.find({
      where: { organizationId, ...(position ? { position } : {}), ...(status === 'active' ? { active: true } : {}) },
      order: { position: 'ASC', fullName: 'ASC' },
    });
    return people.map((p) => p.toDto());
  }

  /**
   * Under a lock on the absent person, so two overlapping absences cannot both be recorded: one person has one
   * substitute on a day. The substitute must not be absent themselves on any of those days.
   */
  createSubstitution({ personId, substituteId, from, to, reason, actor }: Request<'createSubstitution'>): Promise<SubstitutionDto> {
    return this.dataSource.transaction(async (m) => {
      const person = await this.person(m, personId, true);
      const substitute = await this.person(m, substituteId);
      if (!person.active) throw new DomainException('VALIDATION', `${person.fullName} больше не работает: замещение не нужно`);
      if (!substitute.active) throw new DomainException('VALIDATION', `${substitute.fullName} больше не работает и не может замещать`);
      const overlapping = await this.covering(m, personId, from, to);
      if (overlapping) {
        const by = await this.person(m, overlapping.substituteId);
        throw new DomainException(
          'CONFLICT',
          `У сотрудника ${person.fullName} уже есть замещающий на эти дни: ${by.fullName}, с ${russianDate(overlapping.from)} по ${russianDate(overlapping.to)}; измените даты или отмените то замещение`,
          { substitutionId: overlapping.id },
        );
      }
      const absent = await this.covering(m, substituteId, from, to);
      if (absent) {
        throw new DomainException(
          'VALIDATION',
          `${substitute.fullName} сам(а) отсутствует с ${russianDate(absent.from)} по ${russianDate(absent.to)} и не может замещать в эти дни`,
        );
      }
      const saved = (await m.save(m.create(SubstitutionEntity, { personId, substituteId, from, to, reason: reason ?? null, cancelled: false }))).toDto();
      await organizationsAudit.append(m, { actor: auditActorOf(actor), action: 'substitution.create', objectType: 'substitution', objectId: saved.id, after: saved });
      return saved;
    });
  }

  /** A substitution is cancelled, not deleted: decisions made under it keep pointing at it. */
  cancelSubstitution({ id, actor }: Request<'cancelSubstitution'>): Promise<SubstitutionDto> {
    return this.dataSource.transaction(async (m) => {
      const substitution = await m.findOne(SubstitutionEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!substitution) throw notFound('Замещение', id);
      const before = substitution.toDto();
      substitution.cancelled = true;
      const after = (await m.save(substitution)).toDto();
      await organizationsAudit.append(m, { actor: auditActorOf(actor), action: 'substitution.cancel', objectType: 'substitution', objectId: id, before, after });
      return after;
    });
  }

  async listSubstitutions(personId: string): Promise<SubstitutionDto[]> {
    await this.person(this.dataSource.manager, personId);
    const found = await this.substitutions.find({ where: [{ personId }, { substituteId: personId }], order: { from: 'ASC' } });
    return found.map((s) => s.toDto());
  }

  async actingFor(personId: string, date: string): Promise<ActingPersonDto> {
    await this.person(this.dataSource.manager, personId);
    const substitution = await this.covering(this.dataSource.manager, personId, date, date);
    return { personId, actingPersonId: substitution?.substituteId ?? personId, substitution: substitution?.toDto() ?? null };
  }

  async representedBy(substituteId: string, date: string): Promise<PersonDto[]> {
    await this.person(this.dataSource.manager, substituteId);
    const substitutions = await this.substitutions.find({
      where: { substituteId, cancelled: false, from: LessThanOrEqual(date), to: MoreThanOrEqual(date) },
    });
    if (substitutions.length === 0) return [];
    const people = await this.people.findBy(substitutions.map((s) => ({ id: s.personId })));
    return people.map((p) => p.toDto()).sort((a, b) => a.fullName.localeCompare(b.fullName, 'ru'));
  }

  /** The person may always act themselves; another person only as their substitute on that day. */
  async mayActFor({ actorPersonId, personId, date }: Request<'mayActFor'>): Promise<MayActDto> {
    await this.person(this.dataSource.manager, personId);
    if (actorPersonId === personId) return { allowed: true, as: 'self', substitution: null };
    const substitution = await this.covering(this.dataSource.manager, personId, date, date);
    return substitution?.substituteId === actorPersonId
      ? { allowed: true, as: 'substitute', substitution: substitution.toDto() }
      : { allowed: false, as: null, substitution: null };
  }

  /** The person's substitution in force on some day of [from, to], if any. */
  private covering(m: EntityManager, personId: string, from: string, to: string): Promise<SubstitutionEntity | null> {
    return m.findOne(SubstitutionEntity, {
      where: { personId, cancelled: false, from: LessThanOrEqual(to), to: MoreThanOrEqual(from) },
      order: { from: 'ASC' },
    });
  }

  private async person(m: EntityManager, id: string, lock = false): Promise<PersonEntity> {
    const person = await m.findOne(PersonEntity, { where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!person) throw notFound('Сотрудник', id);
    return person;
  }

  private async activeOrganization(m: EntityManager, id: string): Promise<void> {
    const organization = await m.findOneBy(OrganizationEntity, { id });
    if (!organization) throw notFound('Организация', id);
    if (!organization.active) throw new DomainException('VALIDATION', `Организация «${organization.name}» деактивирована: сотрудников в неё не добавляют`);
  }
}

const russianDate = (iso: string) => iso.split('-').reverse().join('.');
