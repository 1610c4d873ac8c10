import { Text } from '@mantine/core';

/** Placeholder until the tab is built (issue 15). */
export function RetentionTab() {
  return <Text>…</Text>;
}
