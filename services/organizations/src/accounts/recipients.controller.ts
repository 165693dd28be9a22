import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { InjectDataSource } from '@nestjs/typeorm';
import { RecipientRoutes, type RecipientDto } from '@eduplan/contracts';
import { RoutePipe } from '@eduplan/platform';
import { DataSource } from 'typeorm';
import type { z } from 'zod';

const R = RecipientRoutes;

/**
 * Whom the notifications service tells: the active accounts of named people (an approver, a signatory) and of
 * organizations' role holders (a ministry's editors, a center's reporters). An account's own e-mail wins over
 * the one its person has in the registry.
 */
@Controller()
export class RecipientsController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @MessagePattern(R.resolve.subject)
  async resolve(@Payload(new RoutePipe(R.resolve)) { personIds, organizationIds, roles }: z.output<typeof R.resolve.request>): Promise<RecipientDto[]> {
    if (personIds.length === 0 && (organizationIds.length === 0 || roles.length === 0)) return [];
    const rows = await this.db.query<{ id: string; person_id: string | null; name: string; email: string | null }[]>(
      `SELECT a.id, a.person_id, a.name, COALESCE(NULLIF(a.email, ''), NULLIF(p.email, '')) AS email
         FROM organizations.accounts a
         LEFT JOIN organizations.people p ON p.id = a.person_id
        WHERE a.active
          AND (a.person_id = ANY($1::uuid[]) OR (a.organization_id = ANY($2::uuid[]) AND a.roles && $3::text[]))
        ORDER BY a.id`,
      [personIds, organizationIds, roles],
    );
    return rows.map((row) => ({ accountId: row.id, personId: row.person_id, name: row.name, email: row.email }));
  }
}
