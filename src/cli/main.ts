/**
 * @module The `lantern` command. Each subcommand is a thin shell over a function the server and
 * tests use too; it prints what a person needs and exits non-zero on failure.
 */
import { Command } from 'commander';
import { loadConfig } from '../platform/config.ts';
import { createPlatform, type Platform } from '../platform/services.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import { seedDemo } from '../platform/demo-seed.ts';
import { createApiToken, createOrganization, createFacility, createUser } from '../platform/identity/accounts.ts';
import { startServer } from '../server.ts';
import { isRole, roles, type Role } from '../platform/policy.ts';
import { LanternError } from '../platform/http/errors.ts';
import { registerCapabilityCommands } from './capability-commands.ts';
import { recoverAccount } from '../platform/identity/recovery.ts';

/** Opens the platform with logs kept quiet (commands print their own results), runs, closes. */
export async function withPlatform<T>(work: (platform: Platform) => Promise<T>): Promise<T> {
  const config = loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
  const platform = createPlatform(config);
  try {
    await migrateToLatest(platform.data.db);
    return await work(platform);
  } finally {
    await platform.close();
  }
}

function parseRoles(list: string): Role[] {
  const parsed = list.split(',').map((r) => r.trim()).filter(Boolean);
  for (const role of parsed) if (!isRole(role)) throw new LanternError('INVALID', `"${role}" is not a role; use one of: ${roles.join(', ')}`);
  return parsed as Role[];
}

const program = new Command('lantern')
  .description('Lantern: recognize and respond to human trafficking in health care.')
  .showHelpAfterError();

program.command('serve')
  .description('Migrate the database and serve the web app and API (PORT, HOST, DATABASE_URL, LANTERN_DATA_DIR).')
  .option('--demo', 'seed the demo organization when the database is empty')
  .action(async (opts: { demo?: boolean }) => {
    const server = await startServer(loadConfig(), { demo: opts.demo ?? false });
    process.stdout.write(`Lantern is listening on ${server.url}\n`);
    const shutdown = (): void => {
      server.stop().then(() => process.exit(0), () => process.exit(1));
    };
    process.once('SIGTERM', shutdown);
    process.once('SIGINT', shutdown);
  });

program.command('migrate')
  .description('Bring the database schema up to date.')
  .action(async () => {
    const applied = await withPlatform((p) => migrateToLatest(p.data.db));
    process.stdout.write(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(', ')}\n` : 'The database schema is up to date.\n');
  });

program.command('seed-demo')
  .description('Create the demo organization, facility and one user per role.')
  .action(async () => {
    const { logins } = await withPlatform((p) => seedDemo(p.data.db));
    if (logins.length === 0) process.stdout.write('The demo organization already exists.\n');
    for (const l of logins) process.stdout.write(`${l.role}\t${l.email}\t${l.password}\n`);
  });

const org = program.command('org').description('Manage organizations.');
org.command('create')
  .description('Create an organization with its first facility.')
  .requiredOption('--name <name>', 'organization name')
  .option('--facility <name>', 'first facility name', 'Main facility')
  .option('--jurisdiction <code>', 'ISO 3166-2 code of the facility, e.g. US-TX')
  .action(async (opts: { name: string; facility: string; jurisdiction?: string }) => {
    const ids = await withPlatform((p) => p.data.db.transaction().execute(async (tx) => {
      const organizationId = await createOrganization(tx, { name: opts.name });
      const facilityId = await createFacility(tx, { organizationId, name: opts.facility, jurisdiction: opts.jurisdiction ?? null });
      return { organizationId, facilityId };
    }));
    process.stdout.write(`organization ${ids.organizationId}\nfacility ${ids.facilityId}\n`);
  });

const user = program.command('user').description('Manage users.');
user.command('create')
  .description('Create a user in an organization (the password is read from LANTERN_PASSWORD when not given).')
  .requiredOption('--email <email>', 'sign-in email')
  .requiredOption('--org <id>', 'organization id')
  .requiredOption('--roles <list>', `comma-separated roles: ${roles.join(', ')}`)
  .option('--name <name>', 'display name')
  .option('--password <password>', 'initial password (at least 12 characters); omit for SSO-only users')
  .action(async (opts: { email: string; org: string; roles: string; name?: string; password?: string }) => {
    const password = opts.password ?? process.env.LANTERN_PASSWORD;
    const id = await withPlatform((p) => createUser(p.data.db, {
      email: opts.email, displayName: opts.name ?? opts.email, organizationId: opts.org, roles: parseRoles(opts.roles),
      ...(password ? { password } : {}),
    }));
    process.stdout.write(`user ${id}\n`);
  });

user.command('recover')
  .description('Let a locked-out user back in: unlock the account and/or reset their second factor (audited).')
  .requiredOption('--email <email>', 'the user')
  .option('--unlock', 'clear a sign-in lockout')
  .option('--reset-mfa', 'remove the second factor; the user sets up a new one at next sign-in')
  .action(async (opts: { email: string; unlock?: boolean; resetMfa?: boolean }) => {
    if (!opts.unlock && !opts.resetMfa) throw new LanternError('INVALID', 'Say what to do: --unlock, --reset-mfa, or both.');
    const done = await withPlatform((p) => recoverAccount(p.data, { email: opts.email, unlock: opts.unlock ?? false, resetSecondFactor: opts.resetMfa ?? false }));
    process.stdout.write(`user ${done} recovered\n`);
  });

const token = program.command('token').description('Manage API tokens.');
token.command('create')
  .description('Create an API token for a user; send it as "Authorization: Bearer <token>". It is shown once.')
  .requiredOption('--email <email>', 'the user the token acts as')
  .option('--org <id>', 'organization id (needed when the user belongs to several)')
  .option('--name <name>', 'a label for the token', 'cli')
  .action(async (opts: { email: string; org?: string; name: string }) => {
    const created = await withPlatform((p) => createApiToken(p.data.db, { email: opts.email, name: opts.name, ...(opts.org ? { organizationId: opts.org } : {}) }));
    process.stdout.write(`${created.token}\n`);
  });

registerCapabilityCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`lantern: ${message}\n`);
  process.exitCode = 1;
}
