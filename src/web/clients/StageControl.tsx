import { Box, Button, Group, Menu, Modal, Select, Stack, Stepper, Text, Textarea } from '@mantine/core';
import { IconArrowRight, IconChevronDown } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseFile } from '../../contracts/casefile';
import { type ClientDetail, closingOutcomes, type Stage, stages } from '../../contracts/clients';
import { useRefreshCase } from '../casefile/api';
import { applyFieldErrors, ErrorAlert } from '../ui/errors';
import { useDiscardQuestion } from '../ui/FormDialog';
import { formatDateTime } from '../ui/format';
import { enumLabel, enumOptions } from '../ui/labels';
import { moveStage } from './api';

/**
 * The workflow as a picture (a stepper that is not a control) and beside it the action that moves
 * the case: on to the next stage in one click, or to any other through "Move to …"; both open the
 * dialog that asks for a note, a reason (a step back) or an outcome (closing).
 */
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
  // A typed note or reason is not thrown away by a stray Esc or click outside.
  const discard = useDiscardQuestion(
    () => reason.trim() !== '' || outcome !== null,
    () => setTarget(null),
  );
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

  const open = (stage: Stage) => {
    setTarget(stage);
    setReason('');
    setOutcome(null);
    setError(null);
    setFieldError({});
  };
  const next = stages[current + 1];
  const later = stages.slice(current + 1);
  const earlier = stages.slice(0, current);

  return (
    <>
      <Stack gap="xs" data-testid="stage-control">
        {/* A picture of where the case stands; the buttons beside it are the controls. */}
        <Box
          role="img"
          aria-label={t('case.stagePicture', {
            stage: enumLabel(t, 'stage', client.stage),
            n: current + 1,
            of: stages.length,
          })}
        >
          <Stepper
            active={current}
            size="xs"
            styles={{ steps: { flexWrap: 'wrap', rowGap: 8 }, step: { cursor: 'default' } }}
          >
            {stages.map((s) => (
              <Stepper.Step
                key={s}
                component="div"
                allowStepClick={false}
                label={enumLabel(t, 'stage', s)}
                description={
                  enteredAt(s) && stages.indexOf(s) <= current ? formatDateTime(enteredAt(s)) : undefined
                }
                data-testid={`stage-${s}`}
              />
            ))}
          </Stepper>
        </Box>
        <Group gap="xs" wrap="wrap" justify="flex-end">
          {next && (
            <Button rightSection={<IconArrowRight size={16} />} onClick={() => open(next)}>
              {t('case.moveTo', { stage: enumLabel(t, 'stage', next) })}
            </Button>
          )}
          <Menu position="bottom-end">
            <Menu.Target>
              <Button variant="default" rightSection={<IconChevronDown size={16} />}>
                {t('case.moveToOther')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              {later.length > 0 && <Menu.Label>{t('case.forward')}</Menu.Label>}
              {later.map((s) => (
                <Menu.Item key={s} onClick={() => open(s)}>
                  {enumLabel(t, 'stage', s)}
                </Menu.Item>
              ))}
              {earlier.length > 0 && <Menu.Label>{t('case.back')}</Menu.Label>}
              {earlier.map((s) => (
                <Menu.Item key={s} onClick={() => open(s)}>
                  {enumLabel(t, 'stage', s)}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Stack>
      <Modal
        opened={target !== null}
        onClose={discard.close}
        closeOnEscape={!discard.asking}
        closeOnClickOutside={!discard.asking}
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
            <Button variant="subtle" onClick={discard.close}>
              {t('common.cancel')}
            </Button>
            <Button onClick={confirm} loading={busy}>
              {t('case.move')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      {discard.question}
    </>
  );
}
