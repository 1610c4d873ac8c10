import {
  Badge,
  type CSSVariablesResolver,
  createTheme,
  DEFAULT_THEME,
  type MantineColorsTuple,
} from '@mantine/core';

/**
 * Shades 8 and 9 of Mantine's palettes, darkened where they fail WCAG AA (4.5:1) as text: shade 8
 * is the filled background under white text and the colour of coloured text on white (the primary
 * shade below); shade 9 is the text of the "light" variant (badges, alerts, the active navigation
 * entry) on shade 1, and on shade 2 under the pointer. Computed once by darkening Mantine's own
 * shade towards black until it reaches 4.6:1.
 */
const readableShades: Record<string, [string | null, string]> = {
  red: ['#d52f2f', '#af2424'],
  violet: [null, '#5939b8'],
  indigo: [null, '#3249b7'],
  blue: ['#196fbe', '#165b9c'],
  cyan: ['#0b7a8d', '#0a697a'],
  teal: ['#087f5a', '#077050'],
  green: ['#268037', '#237233'],
  lime: ['#4d7e0b', '#48740b'],
  yellow: ['#a66100', '#a35400'],
  orange: ['#be490a', '#ac390c'],
};
const colors = Object.fromEntries(
  Object.entries(readableShades).map(([name, [eight, nine]]) => {
    const shades = [...(DEFAULT_THEME.colors[name] ?? [])];
    if (eight) shades[8] = eight;
    shades[9] = nine;
    return [name, shades as unknown as MantineColorsTuple];
  }),
);

/** The theme, with the words it gives components in the interface language. */
export const themeFor = (words: { scrollRegion: string; close: string }) =>
  createTheme({
    primaryColor: 'blue',
    // Shade 6 under white text reaches only 3.6:1 (blue) or less; 8 is readable in every palette above.
    primaryShade: { light: 8, dark: 8 },
    colors,
    defaultRadius: 'md',
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", sans-serif',
    components: {
      // Badges carry words (roles, states) that must stay readable in narrow table cells.
      Badge: Badge.extend({
        defaultProps: { tt: 'none' },
        styles: {
          root: { flexShrink: 0, maxWidth: 'none', overflow: 'visible' },
          label: { overflow: 'visible' },
        },
      }),
      // Every dialog's X says what it does.
      // Plain objects by name, not `Modal.extend(…)`: importing the components here would put the
      // dialog and table code into the first page's script (about 20 kB compressed on the login page).
      Modal: { defaultProps: { closeButtonProps: { 'aria-label': words.close } } },
      // And so does a notice's ("Saved"): axe finds an unnamed button on any page showing one.
      Notification: { defaultProps: { closeButtonProps: { 'aria-label': words.close } } },
      // A table wider than the phone scrolls sideways: the keyboard must reach it (WCAG 2.1.1), so its
      // viewport takes the focus and says what it is.
      TableScrollContainer: {
        defaultProps: {
          scrollAreaProps: {
            viewportProps: { tabIndex: 0, role: 'region', 'aria-label': words.scrollRegion },
          },
        },
      },
    },
  });

/**
 * Secondary ("dimmed") text, placeholders and error messages in colours that stay at 4.5:1 also on the light grey
 * of table stripes and cards: Mantine's grey 6 and red 6 reach only 3.3:1 on white.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#5f656b',
    '--mantine-color-error': 'var(--mantine-color-red-8)',
    // The placeholder of a file or date picker is an element of its own, and axe measures it.
    '--mantine-color-placeholder': '#6a7077',
  },
  dark: {},
});
