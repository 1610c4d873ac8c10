import { Badge } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';

const colours = { open: 'blue', done: 'green', dropped: 'gray' } as const;

/**
 * A commitment's state — open, done, dropped, or overdue said in words and with a sign, not by
 * colour alone —, named by the caller in its own words (the staff's list, the partner portal).
 */
export function CommitmentBadge({
  c,
  label,
}: {
  c: { status: keyof typeof colours; overdue: boolean };
  label: string;
}) {
  if (c.overdue)
    return (
      <Badge
        color="red.9"
        variant="filled"
        leftSection={<IconAlertTriangle size={12} aria-hidden />}
        data-testid="overdue"
      >
        {label}
      </Badge>
    );
  return (
    <Badge color={colours[c.status]} variant="light" data-testid="commitment-status">
      {label}
    </Badge>
  );
}

/** Days from one YYYY-MM-DD to another (how long a commitment is overdue). */
export const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
