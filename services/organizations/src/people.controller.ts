import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { PeopleRoutes, type ActingPersonDto, type MayActDto, type PersonDto, type SubstitutionDto } from '@eduplan/contracts';
import { RoutePipe } from '@eduplan/platform';
import type { z } from 'zod';
import { PeopleService } from './people.service';

const R = PeopleRoutes;
type Request<K extends keyof typeof R> = z.output<(typeof R)[K]['request']>;

@Controller()
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

  @MessagePattern(R.create.subject)
  create(@Payload(new RoutePipe(R.create)) request: Request<'create'>): Promise<PersonDto> {
    return this.people.create(request);
  }

  @MessagePattern(R.update.subject)
  update(@Payload(new RoutePipe(R.update)) request: Request<'update'>): Promise<PersonDto> {
    return this.people.update(request);
  }

  @MessagePattern(R.get.subject)
  get(@Payload(new RoutePipe(R.get)) { id }: Request<'get'>): Promise<PersonDto> {
    return this.people.get(id);
  }

  @MessagePattern(R.list.subject)
  list(@Payload(new RoutePipe(R.list)) request: Request<'list'>): Promise<PersonDto[]> {
    return this.people.list(request);
  }

  @MessagePattern(R.createSubstitution.subject)
  createSubstitution(@Payload(new RoutePipe(R.createSubstitution)) request: Request<'createSubstitution'>): Promise<SubstitutionDto> {
    return this.people.createSubstitution(request);
  }

  @MessagePattern(R.cancelSubstitution.subject)
  cancelSubstitution(@Payload(new RoutePipe(R.cancelSubstitution)) request: Request<'cancelSubstitution'>): Promise<SubstitutionDto> {
    return this.people.cancelSubstitution(request);
  }

  @MessagePattern(R.listSubstitutions.subject)
  listSubstitutions(@Payload(new RoutePipe(R.listSubstitutions)) { personId }: Request<'listSubstitutions'>): Promise<SubstitutionDto[]> {
    return this.people.listSubstitutions(personId);
  }

  @MessagePattern(R.actingFor.subject)
  actingFor(@Payload(new RoutePipe(R.actingFor)) { personId, date }: Request<'actingFor'>): Promise<ActingPersonDto> {
    return this.people.actingFor(personId, date);
  }

  @MessagePattern(R.representedBy.subject)
  representedBy(@Payload(new RoutePipe(R.representedBy)) { personId, date }: Request<'representedBy'>): Promise<PersonDto[]> {
    return this.people.representedBy(personId, date);
  }

  @MessagePattern(R.mayActFor.subject)
  mayActFor(@Payload(new RoutePipe(R.mayActFor)) request: Request<'mayActFor'>): Promise<MayActDto> {
    return this.people.mayActFor(request);
  }
}
