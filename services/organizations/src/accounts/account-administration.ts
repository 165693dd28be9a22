import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ROLE_NAMES, type AccountRoutes, type AccountSummaryDto, type Actor, type Page, type Role } from '@eduplan/contracts';
import { auditActorOf, DomainException, notFound } from '@eduplan/platform';
import { DataSource, type EntityManager } from 'typeorm';
import type { z } from 'zod';
import { OrganizationEntity } from '../organization.entity';
import { organizationsAudit } from '../organizations-audit';
import { PersonEntity } from '../person.entity';
import { AccountEntity } from './account.entity';
import { rolesProblem } from './account-role-rules';
import { hashPassword } from './password-hasher';
import { SessionEntity } from './session.entity';

type Request<K extends keyof typeof AccountRoutes> = z.output<(typeof AccountRoutes)[K]['request']>;

/**
 * The administrator's work with accounts (the screen «Учётные записи»): find, create one for a person of the
 * registry, change roles, block and unblock, set a new password. Each change is audited without the password;
 * blocking and a new password end the account's sessions, so a stolen cookie stops working at once.
 */
@Injectable()
export class AccountAdministration {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list({ query, status, limit, offset, actor }: Request<'list'>): Promise<Page<AccountSummaryDto>> {
    requireAdmin(actor);
    const found = this.dataSource.getRepository(AccountEntity).createQueryBuilder('a');
    if (query) found.andWhere(`(a.login ILIKE :pattern OR a.name ILIKE :pattern)`, { pattern: `%${query.replace(/[\\%_]/g, '\\$&')}%` });
    if (status !== 'all') found.andWhere('a.active = :active', { active: status === 'active' });
    const [accounts, total] = await found.orderBy('lower(a.login)').addOrderBy('a.id').take(limit).skip(offset).getManyAndCount();
    return { items: await this.summaries(this.dataSource.manager, accounts), total };
  }

  async createForPerson(request: Request<'createForPerson'>): Promise<AccountSummaryDto> {
    const { actor, personId, login, roles, password, oidcIssuer, oidcSubject } = request;
    requireAdmin(actor);
    const passwordHash = password ? await hashPassword(password) : null;
    return this.dataSource.transaction(async (m) => {
      const person = await m.findOneBy(PersonEntity, { id: personId });
      if (!person) throw new DomainException('VALIDATION', `Сотрудник ${personId} не найден в реестре: выберите сотрудника из списка организации`);
      if (!person.active) throw new DomainException('VALIDATION', `${person.fullName} больше не работает в организации: учётная запись не нужна`);
      const organization = await m.findOneBy(OrganizationEntity, { id: person.organizationId });
      refuseRoles(roles, organization);
      const existing = await m.findOneBy(AccountEntity, { personId });
      if (existing) throw new DomainException('CONFLICT', `У сотрудника ${person.fullName} уже есть учётная запись «${existing.login}»: измените её роли вместо новой`);
      if (await m.createQueryBuilder(AccountEntity, 'a').where('lower(a.login) = lower(:login)', { login }).getExists()) {
        throw new DomainException('CONFLICT', `Логин «${login}» уже занят: выберите другой`);
      }
      if (person.email && (await m.createQueryBuilder(AccountEntity, 'a').where('lower(a.email) = lower(:email)', { email: person.email }).getExists())) {
        throw new DomainException('CONFLICT', `Адрес ${person.email} сотрудника уже указан у другой учётной записи: исправьте адрес в карточке сотрудника`);
      }
      if (oidcSubject && oidcIssuer && (await m.existsBy(AccountEntity, { oidcIssuer, oidcSubject }))) {
        throw new DomainException('CONFLICT', `Пользователь единого входа «${oidcSubject}» уже связан с другой учётной записью`);
      }
      const saved = await m.save(
        m.create(AccountEntity, {
          login,
          name: person.fullName,
          email: person.email,
          roles,
          organizationId: person.organizationId,
          personId,
          passwordHash,
          oidcIssuer: oidcSubject ? oidcIssuer : null,
          oidcSubject: oidcSubject ?? null,
          active: true,
          failedAttempts: 0,
          lockedUntil: null,
        }),
      );
      const [after] = await this.summaries(m, [saved]);
      await organizationsAudit.append(m, { actor: auditActorOf(actor), action: 'account.create', objectType: 'account', objectId: saved.id, after });
      return after;
    });
  }

  update({ id, changes, actor }: Request<'update'>): Promise<AccountSummaryDto> {
    requireAdmin(actor);
    if (id === actor.accountId && (changes.active === false || (changes.roles && !changes.roles.includes('admin')))) {
      throw new DomainException('VALIDATION', 'Нельзя заблокировать свою учётную запись или снять с себя роль администратора: попросите другого администратора');
    }
    return this.dataSource.transaction(async (m) => {
      const account = await this.account(m, id);
      const [before] = await this.summaries(m, [account]);
      if (changes.roles) {
        refuseRoles(changes.roles, account.organizationId ? await m.findOneBy(OrganizationEntity, { id: account.organizationId }) : null);
        account.roles = changes.roles;
      }
      if (changes.active !== undefined) {
        account.active = changes.active;
        // Unblocking also lifts a lock left by wrong passwords: the administrator has spoken to the person.
        if (changes.active) Object.assign(account, { failedAttempts: 0, lockedUntil: null });
        else await m.delete(SessionEntity, { accountId: id });
      }
      const [after] = await this.summaries(m, [await m.save(account)]);
      const action = changes.active === false ? 'account.block' : changes.active === true && !before.active ? 'account.unblock' : 'account.update';
      await organizationsAudit.append(m, { actor: auditActorOf(actor), action, objectType: 'account', objectId: id, before, after });
      return after;
    });
  }

  async resetPassword({ id, password, actor }: Request<'resetPassword'>): Promise<AccountSummaryDto> {
    requireAdmin(actor);
    const passwordHash = await hashPassword(password);
    return this.dataSource.transaction(async (m) => {
      const account = await this.account(m, id);
      Object.assign(account, { passwordHash, failedAttempts: 0, lockedUntil: null });
      await m.save(account);
      const sessionsEnded = (await m.delete(SessionEntity, { accountId: id })).affected ?? 0;
      const [after] = await this.summaries(m, [account]);
      await organizationsAudit.append(m, { actor: auditActorOf(actor), action: 'account.password_reset', objectType: 'account', objectId: id, after: { sessionsEnded } });
      return after;
    });
  }

  private async account(m: EntityManager, id: string): Promise<AccountEntity> {
    const account = await m.findOne(AccountEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!account) throw notFound('Учётная запись', id);
    return account;
  }

  private async summaries(m: EntityManager, accounts: AccountEntity[]): Promise<AccountSummaryDto[]> {
    const organizationIds = [...new Set(accounts.flatMap((a) => (a.organizationId ? [a.organizationId] : [])))];
    const organizations = organizationIds.length ? await m.createQueryBuilder(OrganizationEntity, 'o').where('o.id IN (:...ids)', { ids: organizationIds }).getMany() : [];
    const names = new Map(organizations.map((o) => [o.id, o.shortName ?? o.name]));
    return accounts.map((a) => ({
      ...a.toDto(),
      hasPassword: a.passwordHash !== null,
      oidcLinked: a.oidcSubject !== null,
      organizationName: a.organizationId ? (names.get(a.organizationId) ?? null) : null,
    }));
  }
}

/** The route already refuses other roles; checked again here, where the accounts are, as every owner checks. */
function requireAdmin(actor: Actor): void {
  if (!actor.roles.includes('admin')) throw new DomainException('FORBIDDEN', `Учётными записями управляет только ${ROLE_NAMES.admin}`);
}

function refuseRoles(roles: readonly Role[], organization: OrganizationEntity | null): void {
  const problem = rolesProblem(roles, organization);
  if (problem) throw new DomainException('VALIDATION', problem);
}
