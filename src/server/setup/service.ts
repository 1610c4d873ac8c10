import type { DemoLogin, SetupBody } from '../../contracts/organisation';
import { assertPasswordAllowed, createSession } from '../auth/service';
import type { AppContext, RequestMeta } from '../context';
import type { Db } from '../db/client';
import { hashPassword } from '../lib/secrets';
import { createOrganisationWithAdmin, setupNeeded } from '../organisation/service';

export { setupNeeded };

/**
 * Fills a new organisation with demo data inside the set-up transaction. Set-up knows only this
 * signature: the composition root (app.ts, main.ts) hands in the demo, so that set-up does not
 * depend on it and an installation could leave it out.
 */
export type DemoSeeder = (tx: Db, organisationId: string, passwordHash: string) => Promise<DemoLogin[]>;

/** The first run in the browser: organisation, admin, optional demo data, and the admin logged in. */
export async function runSetup(
  ctx: AppContext,
  body: Required<SetupBody>,
  meta: RequestMeta,
  seedDemo: DemoSeeder | null,
) {
  assertPasswordAllowed(body.password, body.email);
  const passwordHash = await hashPassword(body.password);
  const { org, admin, demoLogins } = await ctx.db.transaction(async (tx) => {
    const created = await createOrganisationWithAdmin(
      tx,
      {
        organisationName: body.organisationName,
        adminName: body.adminName,
        email: body.email,
        passwordHash,
        language: body.language,
      },
      { onlyIfFirst: true, ip: meta.ip },
    );
    const logins = body.demo && seedDemo ? await seedDemo(tx, created.org.id, passwordHash) : [];
    return { ...created, demoLogins: logins };
  });
  const session = await createSession(ctx, admin, org, meta);
  return { session, demoLogins };
}

/**
 * LOTSE_ADMIN_EMAIL + LOTSE_ADMIN_PASSWORD create the first organisation without the browser.
 * Does nothing once any organisation exists. Returns the admin's e-mail address and the demo logins
 * when demo data was loaded, for the start message.
 */
export async function bootstrapFromEnvironment(ctx: AppContext, options: { demo: DemoSeeder | null }) {
  const admin = ctx.config.bootstrapAdmin;
  if (!admin || !(await setupNeeded(ctx))) return null;
  assertPasswordAllowed(admin.password, admin.email);
  const passwordHash = await hashPassword(admin.password);
  return ctx.db.transaction(async (tx) => {
    const { org } = await createOrganisationWithAdmin(
      tx,
      {
        organisationName: admin.organisationName,
        adminName: 'Administrator',
        email: admin.email,
        passwordHash,
      },
      { onlyIfFirst: true, ip: null },
    );
    const demoLogins = options.demo ? await options.demo(tx, org.id, passwordHash) : [];
    return { organisationId: org.id, adminEmail: admin.email, demoLogins };
  });
}
