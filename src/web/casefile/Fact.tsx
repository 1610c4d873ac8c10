import { Text } from '@mantine/core';

/** A labelled value of a card in the case file; a dash where there is none. */
export function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children || '–'}</Text>
    </div>
  );
}
