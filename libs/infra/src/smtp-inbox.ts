import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { freePort } from './ports';

/**
 * A real SMTP server for tests, on 127.0.0.1: it keeps every message it takes, parsed. `refuse(n)` makes it
 * answer the next n deliveries with a temporary failure (451), as a busy mail server does.
 */
export class SmtpInbox {
  readonly mails: ParsedMail[] = [];
  private refusals = 0;

  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
  ) {}

  static async start(): Promise<SmtpInbox> {
    const port = await freePort();
    let inbox: SmtpInbox | undefined;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(_address, _session, callback) {
        if (inbox && inbox.refusals > 0) {
          inbox.refusals -= 1;
          callback(Object.assign(new Error('Mailbox temporarily unavailable'), { responseCode: 451 }));
        } else callback();
      },
      onData(stream, _session, callback) {
        simpleParser(stream).then((mail) => {
          inbox?.mails.push(mail);
          callback();
        }, callback);
      },
    });
    inbox = new SmtpInbox(server, port);
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    return inbox;
  }

  /** What a service is configured with to send here (`SMTP_URL`). */
  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  refuse(deliveries: number): void {
    this.refusals = deliveries;
  }

  /** The messages to one address whose subject matches, in the order they came. */
  to(address: string, subject: RegExp = /./): ParsedMail[] {
    return this.mails.filter((mail) => mail.to && !Array.isArray(mail.to) && mail.to.value.some((to) => to.address === address) && subject.test(mail.subject ?? ''));
  }

  stop(): Promise<void> {
    return new Promise<void>((resolve) => this.server.close(resolve));
  }
}
