import type { CliCommand } from '../command';
import { auditCommand } from './audit.command';
import { calendarCommand } from './calendar.command';
import { certificatesCommand } from './certificates.command';
import { renderCommand } from './render.command';
import { signerCommand } from './signer.command';
import { importCommand } from './import.command';
import { userCommand } from './user.command';

/** Every subcommand; each lives in its own file beside this one. */
export const commands: CliCommand[] = [auditCommand, calendarCommand, certificatesCommand, importCommand, renderCommand, signerCommand, userCommand];
