import { Controller, Get, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { WorkflowNotFoundError } from '@temporalio/client';
import {
  DocumentRoutes,
  OrganizationRoutes,
  PlanRoutes,
  toRenderableOrder,
  type Actor,
  type DocumentDto,
  type OrderWorkflowState,
} from '@eduplan/contracts';
import { BusClient } from '@eduplan/platform';
import type { Response } from 'express';
import { CurrentActor } from '../auth/current-actor.decorator';
import { OrderWorkflows } from '../orders/order-workflows';
import { approvalSheetOf } from './approval-sheet-of';
import { sendRenderedFile } from './stored-document-download';

/**
 * Documents rendered on request from an order's current state: its approval sheet and its draft, for the
 * staff of the issuer (the plans service answers the order to them only, 404 to anyone else).
 */
@Controller('api/orders')
export class OrderDocumentsController {
  constructor(
    private readonly bus: BusClient,
    private readonly workflows: OrderWorkflows,
  ) {}

  /** Renders the лист согласования from the approval workflow and sends the PDF; a read, so nothing is stored. */
  @Get(':id/approval-sheet')
  async approvalSheet(@Param('id', ParseUUIDPipe) id: string, @Res() response: Response, @CurrentActor() actor: Actor): Promise<void> {
    const order = await this.bus.request(PlanRoutes.getOrder, { id, actor });
    const [issuer, state] = await Promise.all([
      this.bus.request(OrganizationRoutes.get, { id: order.issuerId }),
      this.workflows.state(id),
    ]);
    const file = await this.bus.request(DocumentRoutes.previewApprovalSheet, { sheet: approvalSheetOf(state, order, issuer.timeZone), actor });
    sendRenderedFile(file, response, 'approval-sheet.pdf');
  }

  /**
   * The order with its plan, watermarked «ПРОЕКТ», with the approval sheet as the last page once it is on a route.
   * Stored once per content: asking again for an unchanged draft returns the same document.
   */
  @Post(':id/draft-pdf')
  async draftPdf(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor): Promise<DocumentDto> {
    const order = await this.bus.request(PlanRoutes.getOrder, { id, actor });
    const [plan, issuer, state] = await Promise.all([
      this.bus.request(PlanRoutes.getPlan, { id: order.planId, actor }),
      this.bus.request(OrganizationRoutes.get, { id: order.issuerId }),
      this.stateIfSubmitted(id),
    ]);
    return this.bus.request(DocumentRoutes.renderDraft, {
      orderId: id,
      issuerId: order.issuerId,
      ...toRenderableOrder(order, plan, issuer),
      approvalSheet: state && approvalSheetOf(state, order, issuer.timeZone),
      actor,
    });
  }

  /** A draft not yet sent for approval has no workflow, hence no approval sheet. */
  private async stateIfSubmitted(id: string): Promise<OrderWorkflowState | null> {
    try {
      return await this.workflows.state(id);
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return null;
      throw error;
    }
  }
}
