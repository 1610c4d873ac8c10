import { Box } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SectorSelect } from '../ui/pickers';

/** The sector filter of the directory and the offers: one place for its width and wording. */
export function SectorFilter({
  value,
  onChange,
}: {
  value: string | null;
  onChange(v: string | null): void;
}) {
  const { t } = useTranslation('network');
  return (
    <Box w={{ base: '100%', sm: 220 }}>
      <SectorSelect label="" placeholder={t('network.allSectors')} value={value} onChange={onChange} />
    </Box>
  );
}
