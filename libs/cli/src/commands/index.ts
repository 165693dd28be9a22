import type { CliCommand } from '../command';
import { certificatesCommand } from './certificates.command';
import { renderCommand } from './render.command';
import { importCommand } from './import.command';

/** Every subcommand; each lives in its own file beside this one. */
export const commands: CliCommand[] = [certificatesCommand, importCommand, renderCommand];
