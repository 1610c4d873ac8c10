/**
 * What `import … from 'zod'` gives the web client (vite.config.ts points 'zod' here): zod itself,
 * with the validation messages of the shared schemas in the user's language. So the messages are
 * set wherever zod is used, and zod stays out of the pages that do not use it (the login page).
 */
import { z } from 'zod/v4';
import i18n from './index';

export * from 'zod/v4';
export { default } from 'zod/v4';

z.config({
  customError: (issue) => {
    const t = i18n.t.bind(i18n);
    switch (issue.code) {
      case 'too_small':
        if (issue.origin === 'string')
          return Number(issue.minimum) <= 1
            ? t('validation.required')
            : t('validation.minLength', { count: Number(issue.minimum) });
        if (issue.origin === 'array') return t('validation.minItems', { count: Number(issue.minimum) });
        return t('validation.min', { min: String(issue.minimum) });
      case 'too_big':
        if (issue.origin === 'string') return t('validation.maxLength', { count: Number(issue.maximum) });
        return t('validation.max', { max: String(issue.maximum) });
      case 'invalid_format':
        return issue.format === 'email' ? t('validation.email') : t('validation.format');
      case 'invalid_type':
        return issue.input === undefined || issue.input === ''
          ? t('validation.required')
          : t('validation.format');
      default:
        return t('validation.format');
    }
  },
});
