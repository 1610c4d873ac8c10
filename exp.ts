import { login, startLotse, tempDir } from './bench/lib';
import { BENCH_LEAD } from './bench/seed';

const app = await startLotse(tempDir('x'), 'postgres://postgres@127.0.0.1:5432/lotse_bench_100000');
const s = await login(app.url, BENCH_LEAD.email, BENCH_LEAD.password);
const res: [number, string][] = [];
const typed = [
  'Kovalenko',
  'Shevchenko',
  'Haddad',
  'Al-Hassan',
  'Nguyen',
  'Rodriguez',
  'Yilmaz',
  'Ahmadi',
  'Sergii',
  'Mohammed',
  'Коваленко',
  'محمد',
  'Müller',
  'Papadopoulos',
  'Gebremariam',
];
for (let round = 0; round < 2; round++)
  for (const name of typed)
    for (let i = 2; i <= name.length; i++) {
      const u = `/api/clients?q=${encodeURIComponent(name.slice(0, i))}&limit=20`;
      const r = await fetch(app.url + u, { headers: { cookie: s.cookie } });
      await r.text();
      if (round)
        res.push([Number(/dur=([\d.]+)/.exec(r.headers.get('server-timing')!)![1]), decodeURIComponent(u)]);
    }
const variants = [
  'sort=name',
  'sort=-updated',
  'sort=-intake',
  'stage=planning',
  'overdueSteps=true',
  'language=deu&minLevel=B2',
  'includeClosed=true&sort=code',
];
for (let i = 0; i < 210; i++) {
  const u = `/api/clients?${variants[i % variants.length]}&limit=50&offset=${(i * 37) % 2000}`;
  const r = await fetch(app.url + u, { headers: { cookie: s.cookie } });
  await r.text();
  res.push([Number(/dur=([\d.]+)/.exec(r.headers.get('server-timing')!)![1]), u]);
}
res.sort((a, b) => b[0] - a[0]);
console.log(
  res
    .slice(0, 25)
    .map(([d, u]) => `${d}\t${u}`)
    .join('\n'),
);
await app.stop();
