import { Button, Group, Modal, Select, Stack, Stepper, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseFile } from '../../contracts/casefile';
import { type ClientDetail, closingOutcomes, type Stage, stages } from '../../contracts/clients';
import { useRefreshCase } from '../casefile/api';
import { applyFieldErrors, ErrorAlert } from '../ui/errors';
import { formatDateTime } from '../ui/format';
import { enumLabel, enumOptions } from '../ui/labels';
import { moveStage } from './api';

/** The workflow as a stepper; clicking a stage moves the case there (asking for a reason or an outcome). */
export function StageControl({
  client,
  history,
}: {
  client: ClientDetail;
  history: CaseFile['stageHistory'];
}) {
  const { t } = useTranslation('clients');
  const refresh = useRefreshCase(client.id);
  const [target, setTarget] = useState<Stage | null>(null);
  const [reason, setReason] = useState('');
  const [outcome, setOutcome] = useState<(typeof closingOutcomes)[number] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [fieldError, setFieldError] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const current = stages.indexOf(client.stage);
  const back = target !== null && stages.indexOf(target) < current;
  const enteredAt = (s: Stage) => [...history].reverse().find((h) => h.to === s)?.at;

  const confirm = async () => {
    if (!target) return;
    setBusy(true);
    setError(null);
    setFieldError({});
    try {
      await moveStage(client.id, {
        to: target,
        version: client.version,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
        ...(target === 'closed' && outcome ? { outcome } : {}),
      });
      await refresh();
      setTarget(null);
    } catch (e) {
      const errors: Record<string, string> = {};
      if (!applyFieldErrors({ setFieldError: (p, m) => (errors[p] = m) }, e, t)) setError(e);
      setFieldError(errors);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Stepper
        active={current}
        size="xs"
        onStepClick={(i) => {
          const stage = stages[i];
          if (i === current || !stage) return;
          setTarget(stage);
          setReason('');
          setOutcome(null);
          setError(null);
          setFieldError({});
        }}
        allowNextStepsSelect
        aria-label={t('case.stages')}
        styles={{ steps: { flexWrap: 'wrap', rowGap: 8 } }}
      >
        {stages.map((s) => (
          <Stepper.Step
            key={s}
            label={enumLabel(t, 'stage', s)}
            description={
              enteredAt(s) && stages.indexOf(s) <= current ? formatDateTime(enteredAt(s)) : undefined
            }
            data-testid={`stage-${s}`}
          />
        ))}
      </Stepper>
      <Modal
        opened={target !== null}
        onClose={() => setTarget(null)}
        title={target ? t('case.moveTo', { stage: enumLabel(t, 'stage', target) }) : ''}
      >
        <Stack>
          <ErrorAlert error={error} />
          <Text size="sm">
            {back
              ? t('case.backStepHelp')
              : target === 'closed'
                ? t('case.closeHelp')
                : t('case.forwardHelp')}
          </Text>
          {target === 'closed' && (
            <Select
              label={t('casefile:case.fields.closingOutcome')}
              required
              data={enumOptions(t, 'closingOutcome', closingOutcomes)}
              value={outcome}
              onChange={(v) => setOutcome(closingOutcomes.find((o) => o === v) ?? null)}
              error={fieldError.outcome}
            />
          )}
          <Textarea
            label={back ? t('casefile:case.reason') : t('case.note')}
            required={back}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={fieldError.reason}
            autosize
            minRows={2}
          />
          <Group justify="flex-end">
            <Button variant="subtle" onClick={() => setTarget(null)}>
              {t('common.cancel')}
            </Button>
            <Button onClick={confirm} loading={busy}>
              {t('case.move')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
