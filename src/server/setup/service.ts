import type { SetupBody } from '../../contracts/organisation';
import { assertPasswordAllowed, createSession } from '../auth/service';
import type { AppContext, RequestMeta } from '../context';
import { seedDemo } from '../demo/seed';
import { hashPassword } from '../lib/secrets';
import { createOrganisationWithAdmin, setupNeeded } from '../organisation/service';

export { setupNeeded };

/** The first run in the browser: organisation, admin, optional demo data, and the admin logged in. */
export async function runSetup(ctx: AppContext, body: Required<SetupBody>, meta: RequestMeta) {
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
    const logins = body.demo ? await seedDemo(tx, created.org.id, passwordHash) : [];
    return { ...created, demoLogins: logins };
  });
  const session = await createSession(ctx, admin, org, meta);
  return { session, demoLogins };
}

/**
 * LOTSE_ADMIN_EMAIL + LOTSE_ADMIN_PASSWORD create the first organisation without the browser.
 * Does nothing once any organisation exists. Returns the demo logins when demo data was loaded.
 */
export async function bootstrapFromEnvironment(ctx: AppContext, options: { demo: boolean }) {
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
    const demoLogins = options.demo ? await seedDemo(tx, org.id, passwordHash) : [];
    return { organisationId: org.id, demoLogins };
  });
}
