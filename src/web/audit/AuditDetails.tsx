import { Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../contracts/audit';
import { formatDateTime } from '../ui/format';
import { enumLabel } from '../ui/labels';

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** Which translated list a detail's codes come from: by the detail's key, for some keys by the action too. */
function valueLabel(t: TFunction, action: string, key: string, value: string): string {
  if (value === 'true' || value === 'false') return t(`audit.values.${value}`);
  if (ISO_TIME.test(value)) return formatDateTime(value);
  const role = () => t(`roles.${value}`, { defaultValue: value });
  switch (key) {
    case 'roles':
      return role();
    case 'from':
    case 'to':
      if (action === 'user.roles_changed') return role();
      return action === 'client.stage_changed' ? enumLabel(t, 'stage', value) : value;
    case 'outcome':
      return enumLabel(t, 'closingOutcome', value);
    case 'purposes':
      return enumLabel(t, 'purpose', value);
    case 'purpose':
      return action.startsWith('auth.') ? value : enumLabel(t, 'purpose', value);
    case 'scope':
      return enumLabel(t, 'scope', value);
    case 'status':
      return enumLabel(
        t,
        action === 'client.measure_changed' ? 'acquisitionStatus' : 'placementStatus',
        value,
      );
    case 'action':
      return t(`auditActions.${value}`, { defaultValue: value });
    default:
      return value;
  }
}

/** An entry's details as "what: which" lines, in the interface language; ids come named by the server. */
export function AuditDetails({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation('audit');
  if (entry.detailLines.length === 0) return '–';
  return (
    <Stack gap={2}>
      {entry.detailLines.map((line) => (
        <Text size="xs" key={line.key}>
          <Text span inherit fw={600}>
            {t(`audit.detailKeys.${line.key}`, { defaultValue: line.key })}:
          </Text>{' '}
          {line.values.map((v) => valueLabel(t, entry.action, line.key, v)).join(', ')}
        </Text>
      ))}
    </Stack>
  );
}
