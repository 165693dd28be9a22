import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { emailOf } from './notification-texts';
import { NotificationStore } from './notification-store';
import { NOTIFICATIONS_CONFIG, type NotificationsConfig } from './notifications.config';

/** Attempts per e-mail before it is given up (the in-app notice stays either way). */
export const MAX_EMAIL_ATTEMPTS = 6;
const BATCH = 20;

/** How long after the n-th failed attempt the next one is made: 30 s, 1 min, 2 min … up to an hour. */
export function emailRetryDelayMs(attempt: number): number | null {
  return attempt >= MAX_EMAIL_ATTEMPTS ? null : Math.min(30_000 * 2 ** (attempt - 1), 3_600_000);
}

/**
 * Sends the e-mails the stored notices owe, from the table (an outbox): storing a notice never waits for the
 * mail server, a failed send is tried again later, and e-mails owed when a process stopped go out after it
 * starts again. Without SMTP_URL nothing is sent.
 */
@Injectable()
export class EmailOutbox implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('email');
  private transport: Transporter | null = null;
  private timer: NodeJS.Timeout | null = null;
  private draining: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly store: NotificationStore,
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  get enabled(): boolean {
    return this.config.SMTP_URL !== undefined;
  }

  onApplicationBootstrap(): void {
    if (!this.config.SMTP_URL) {
      this.log.log('SMTP_URL не задан: уведомления только в приложении, письма не отправляются');
      return;
    }
    this.transport = createTransport(
      { url: this.config.SMTP_URL, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 },
      { from: this.config.SMTP_FROM },
    );
    this.log.log(`письма уведомлений отправляются через ${new URL(this.config.SMTP_URL).host}`);
    this.timer = setInterval(() => this.kick(), this.config.EMAIL_POLL_MS);
    this.timer.unref();
    this.kick();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.draining;
    this.transport?.close();
  }

  /** Sends what is due now, in the background; a kick while sending makes it look once more when done. */
  kick(): void {
    if (!this.transport) return;
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = this.drain()
      .catch((error: unknown) => this.log.warn(`отправка писем прервана: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        this.draining = null;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  private async drain(): Promise<void> {
    for (;;) {
      const owed = await this.store.claimDueEmails(BATCH);
      if (owed.length === 0) return;
      for (const email of owed) {
        const message = emailOf(email, this.config.PUBLIC_URL);
        try {
          await this.transport!.sendMail({ to: email.email, subject: message.subject, text: message.text });
          await this.store.emailSent(email.id);
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          const retryIn = emailRetryDelayMs(email.attempts + 1);
          this.log.warn(`письмо на ${email.email} не отправлено (попытка ${email.attempts + 1}): ${reason}${retryIn === null ? '; больше не пытаемся' : ''}`);
          await this.store.emailFailed(email.id, reason, retryIn);
        }
      }
    }
  }
}
