import { Stack, Tabs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { BreachPart } from './workspace/BreachPart';
import { ConsentsPart } from './workspace/ConsentsPart';
import { DisclosuresPart } from './workspace/DisclosuresPart';
import { ReadsPart } from './workspace/ReadsPart';

const parts = [
  { id: 'disclosures', Part: DisclosuresPart },
  { id: 'consents', Part: ConsentsPart },
  { id: 'reads', Part: ReadsPart },
  { id: 'breach', Part: BreachPart },
] as const;

/**
 * The dpo's workspace: what went to whom, consents running out or withdrawn, reads outside a
 * caseload and the breach helper. The part is in the address; a new part starts without filters.
 */
export function WorkspaceTab() {
  const { t } = useTranslation('privacy');
  const [params, setParams] = useSearchParams();
  const current = parts.find((p) => p.id === params.get('part'))?.id ?? 'disclosures';
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('workspace.audited')}
      </Text>
      <Tabs
        value={current}
        onChange={(v) => v && setParams(v === 'disclosures' ? {} : { part: v }, { replace: true })}
        variant="pills"
        keepMounted={false}
      >
        <Tabs.List mb="md">
          {parts.map((p) => (
            <Tabs.Tab key={p.id} value={p.id}>
              {t(`workspace.parts.${p.id}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {parts.map((p) => (
          <Tabs.Panel key={p.id} value={p.id}>
            <p.Part />
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
