import { Group, Text } from '@mantine/core';

export function Logo() {
  return (
    <Group gap={6} wrap="nowrap" aria-label="Lotse">
      <svg width="24" height="24" viewBox="0 0 32 32" aria-hidden="true">
        <rect width="32" height="32" rx="6" fill="#1c7ed6" />
        <path d="M16 5 L24 26 L16 21 L8 26 Z" fill="#fff" />
      </svg>
      <Text fw={700} size="lg">
        Lotse
      </Text>
    </Group>
  );
}
