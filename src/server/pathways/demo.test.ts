import { afterAll, expect, it } from 'vitest';
import type { PathwayOffer, PathwayPage } from '../../contracts/pathways';
import { required } from '../lib/required';
import { login, startTestApp, type TestApp } from '../testing/harness';

let t: TestApp | undefined;
afterAll(() => t?.close());

it('the demo offers the nurses’ pathway its held conference adopted, with the catalogue’s measures, to a nurse case', async () => {
  t = await startTestApp();
  const password = 'eine lange passphrase';
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/setup',
    payload: {
      organisationName: 'IFK Saar',
      adminName: 'Petra',
      email: 'petra@ifk.example',
      password,
      demo: true,
    },
  });
  const logins: { email: string; roles: string[] }[] = res.json().demoLogins;
  const lead = await login(
    t.app,
    required(
      logins.find((l) => l.roles.includes('lead')),
      'a demo lead',
    ).email,
    password,
  );
  const [pathway] = (await lead.get('/api/pathways')).json<PathwayPage>().items;
  expect(pathway?.occupations.map((o) => o.title)).toEqual([expect.stringContaining('Pflegefach')]);
  expect(pathway?.steps.flatMap((s) => s.measures.map((m) => m.title))).toEqual([
    'Vorbereitung auf die Kenntnisprüfung Pflege',
    'Anpassungsqualifizierung Pflege mit Praxisphase',
  ]);
  const cases = (await lead.get('/api/clients?limit=100')).json<{ items: { id: string }[] }>().items;
  let offered: PathwayOffer[] = [];
  for (const c of cases) {
    offered = (await lead.get(`/api/clients/${c.id}/pathways`)).json();
    if (offered.length) break;
  }
  expect(offered.map((o) => o.id)).toEqual([pathway?.id]);
});
