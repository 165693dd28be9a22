import { Logger } from '@nestjs/common';
import { ServerNats, type NatsContext, type WritePacket } from '@nestjs/microservices';
import type { BusErrorPayload } from '@eduplan/contracts';
import type { NatsConnection } from 'nats';
import { isMaxPayloadExceeded, kilobytes } from './payload-size';

type Publish = (packet: WritePacket) => unknown;
type NatsMsg = Parameters<ServerNats['getPublisher']>[0];

/**
 * Nest's NATS server, except that no reply can kill the process. Nest publishes replies from a callback
 * whose failure is an unhandled rejection: one reply over the server's `max_payload` stopped the service,
 * and a retried request made that a crash loop. Here such a reply is answered with TOO_LARGE naming its
 * size and the limit, and any other failure to publish is logged; the service goes on serving.
 */
export class GuardedNatsServer extends ServerNats {
  private readonly replies = new Logger('Bus');

  override getPublisher(natsMsg: NatsMsg, id: string, ctx: NatsContext): Publish {
    const publish = super.getPublisher(natsMsg, id, ctx) as Publish;
    return (packet) => {
      try {
        return publish(packet);
      } catch (error) {
        if (!isMaxPayloadExceeded(error)) {
          this.replies.error(`reply on ${natsMsg.subject} not sent: ${error instanceof Error ? error.message : String(error)}`);
          return undefined;
        }
        return this.refuseOversized(publish, natsMsg.subject, { ...packet, id });
      }
    };
  }

  private refuseOversized(publish: Publish, subject: string, packet: WritePacket & { id: string }): unknown {
    const size = (this.serializer.serialize(packet) as { data: Uint8Array }).data.length;
    const limit = this.unwrap<NatsConnection>().info?.max_payload ?? 0;
    const refusal: BusErrorPayload = {
      code: 'TOO_LARGE',
      message: `Ответ на запрос ${subject} занимает ${kilobytes(size)}, больше предела шины ${kilobytes(limit)}: запросите данные по частям`,
    };
    this.replies.error(`reply on ${subject} refused by NATS: ${size} bytes over max_payload ${limit}`);
    try {
      return publish({ err: refusal, isDisposed: true });
    } catch (error) {
      this.replies.error(`refusal on ${subject} not sent: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }
}
