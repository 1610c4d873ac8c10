import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';

/**
 * The parts of a privacy tab as pills; the part is in the address (`?part=`), the first part
 * without it, and a new part starts without the last one's filters and page.
 */
export function PartTabs({
  parts,
  labels,
}: {
  parts: readonly { id: string; Part: () => React.JSX.Element }[];
  /** i18n prefix of the parts' names (`<labels>.<id>`). */
  labels: string;
}) {
  const { t } = useTranslation('privacy');
  const [params, setParams] = useSearchParams();
  const first = parts[0]?.id;
  const current = parts.find((p) => p.id === params.get('part'))?.id ?? first;
  return (
    <Tabs
      value={current}
      onChange={(v) => v && setParams(v === first ? {} : { part: v }, { replace: true })}
      variant="pills"
      keepMounted={false}
    >
      <Tabs.List mb="md">
        {parts.map((p) => (
          <Tabs.Tab key={p.id} value={p.id}>
            {t(`${labels}.${p.id}`)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {parts.map((p) => (
        <Tabs.Panel key={p.id} value={p.id}>
          <p.Part />
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}
