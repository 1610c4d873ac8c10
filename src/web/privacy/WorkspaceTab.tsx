import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PartTabs } from './PartTabs';
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
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('workspace.audited')}
      </Text>
      <PartTabs parts={parts} labels="workspace.parts" />
    </Stack>
  );
}
