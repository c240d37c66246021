import {
  createUnifiedTheme,
  defaultComponentThemes,
  palettes,
  UnifiedThemeProvider,
} from '@backstage/theme';
import { ThemeBlueprint } from '@backstage/plugin-app-react';
import { createFrontendModule } from '@backstage/frontend-plugin-api';
import DarkIcon from '@material-ui/icons/Brightness2';
import LightIcon from '@material-ui/icons/WbSunny';

const backstageCell = (defaultComponentThemes?.MuiTableCell?.styleOverrides ??
  {}) as Record<string, unknown>;

/** A slot of Backstage's table cell style, keeping words whole and text visible. */
function keepWordsWhole(slot: 'root' | 'head') {
  const base = backstageCell[slot];
  return (props: object) => ({
    ...(typeof base === 'function' ? base(props) : (base as object)),
    wordBreak: 'normal',
    overflowWrap: 'break-word',
    overflow: 'visible',
  });
}

/**
 * Table cells as Backstage styles them, except that a word is never broken
 * to squeeze a column ("Loggin g Servic e") and a cell's text is never cut
 * off: a column is at least as wide as its longest word, and a table wider
 * than its card scrolls inside it. Backstage's theme sets `word-break:
 * break-word`, which lets the table layout shrink columns below their words,
 * and `overflow: hidden`, which then cuts off what does not fit.
 */
const components = {
  ...defaultComponentThemes,
  MuiTableCell: {
    styleOverrides: {
      ...backstageCell,
      root: keepWordsWhole('root'),
      head: keepWordsWhole('head'),
    },
  },
} as typeof defaultComponentThemes;

const light = createUnifiedTheme({ palette: palettes.light, components });
const dark = createUnifiedTheme({ palette: palettes.dark, components });

/** Backstage's light theme with table cells that keep their words whole. */
const lightTheme = ThemeBlueprint.make({
  name: 'light',
  params: {
    theme: {
      id: 'light',
      title: 'Light Theme',
      variant: 'light',
      icon: <LightIcon />,
      Provider: ({ children }) => (
        <UnifiedThemeProvider theme={light} children={children} />
      ),
    },
  },
});

/** Backstage's dark theme with table cells that keep their words whole. */
const darkTheme = ThemeBlueprint.make({
  name: 'dark',
  params: {
    theme: {
      id: 'dark',
      title: 'Dark Theme',
      variant: 'dark',
      icon: <DarkIcon />,
      Provider: ({ children }) => (
        <UnifiedThemeProvider theme={dark} children={children} />
      ),
    },
  },
});

/** Replaces the app's light and dark themes with the portal's. */
export const themeModule = createFrontendModule({
  pluginId: 'app',
  extensions: [lightTheme, darkTheme],
});
