import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AccountDto, AccountRoutes, RequestOf } from '@eduplan/contracts';
import { AccountRoutes as Routes } from '@eduplan/contracts';
import { DomainException } from '@eduplan/platform';
import { DataSource } from 'typeorm';
import { OrganizationEntity } from '../organization.entity';
import { AccountEntity } from './account.entity';
import { hashPassword } from './password-hasher';
import { SessionStore } from './session-store';

/**
 * Creates an account (the command line creates the first administrator this way). The password is stored
 * only as its argon2id hash; the audit entry records the account without it.
 */
@Injectable()
export class CreateAccountUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionStore,
  ) {}

  async execute(input: RequestOf<typeof AccountRoutes.create>): Promise<AccountDto> {
    const request = Routes.create.parse(input);
    if (request.actor && !request.actor.roles.includes('admin')) {
      throw new DomainException('FORBIDDEN', 'Создавать учётные записи может только администратор');
    }
    if (request.roles.includes('reporter') && !request.organizationId) {
      throw new DomainException('VALIDATION', 'Исполнитель (reporter) отчитывается за свою организацию: укажите её (--organization ID)');
    }
    const passwordHash = request.password ? await hashPassword(request.password) : null;
    return this.dataSource.transaction(async (manager) => {
      if (request.organizationId && !(await manager.existsBy(OrganizationEntity, { id: request.organizationId }))) {
        throw new DomainException('VALIDATION', `Организация ${request.organizationId} не найдена: укажите идентификатор существующей`);
      }
      const taken = await manager.createQueryBuilder(AccountEntity, 'a').where('lower(a.login) = lower(:login)', { login: request.login }).getExists();
      if (taken) throw new DomainException('CONFLICT', `Логин «${request.login}» уже занят: выберите другой`);
      if (request.email) {
        const emailTaken = await manager.createQueryBuilder(AccountEntity, 'a').where('lower(a.email) = lower(:email)', { email: request.email }).getExists();
        if (emailTaken) throw new DomainException('CONFLICT', `Адрес ${request.email} уже указан у другой учётной записи`);
      }
      const saved = await manager.save(
        manager.create(AccountEntity, {
          login: request.login,
          name: request.name,
          email: request.email ?? null,
          roles: [...new Set(request.roles)],
          organizationId: request.organizationId ?? null,
          personId: request.personId ?? null,
          passwordHash,
          oidcIssuer: null,
          oidcSubject: null,
          active: true,
          failedAttempts: 0,
          lockedUntil: null,
        }),
      );
      const dto = saved.toDto();
      await this.sessions.audit.append(manager, {
        actor: request.actor ? { accountId: request.actor.accountId, login: request.actor.login } : { accountId: null, login: '(командная строка)' },
        action: 'account.create',
        objectType: 'account',
        objectId: saved.id,
        after: { ...dto, hasPassword: passwordHash !== null },
      });
      return dto;
    });
  }
}
