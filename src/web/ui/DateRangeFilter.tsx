import { DatePickerInput } from '@mantine/dates';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dateFormat } from './dates';
import type { ListParams } from './list';

/** Sets several keys of the address at once (one change, so the second does not undo the first). */
export function setMany(lp: ListParams, values: Record<string, string | null>) {
  const next = new URLSearchParams(lp.params);
  for (const [key, value] of Object.entries(values)) {
    if (value) next.set(key, value);
    else next.delete(key);
  }
  next.delete('page');
  lp.replace(next);
}

/** A list's filter by a range of days: it goes into the address once both ends are chosen (or it is cleared). */
export function DateRangeFilter({
  lp,
  keys: [fromKey, toKey],
  label,
  placeholder,
}: {
  lp: ListParams;
  /** The address's keys of the first and the last day. */
  keys: [string, string];
  label: string;
  placeholder: string;
}) {
  const { t, i18n } = useTranslation();
  const inAddress: [string | null, string | null] = [lp.get(fromKey), lp.get(toKey)];
  const [range, setRange] = useState(inAddress);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the address changed from outside (Back, reset)
  useEffect(() => setRange(inAddress), [inAddress.join()]);
  return (
    <DatePickerInput
      type="range"
      label={label}
      placeholder={placeholder}
      clearable
      allowSingleDateInRange
      valueFormat={dateFormat(i18n.language)}
      value={range}
      onChange={([from, to]) => {
        setRange([from, to]);
        if (!from === !to) setMany(lp, { [fromKey]: from, [toKey]: to });
      }}
      clearButtonProps={{ 'aria-label': t('common.clearDate') }}
      w={{ base: '100%', sm: 240 }}
    />
  );
}
