/**
 * The screen registry: every screen a visit can show, with what it is opened with. A capability
 * that brings a screen adds its parameters and its component here, one line each.
 */
import { lazy, type ComponentType } from 'react';
import type { ItemSummary } from '../preload/contract/catalog.ts';
import type { ContentLanguage } from '../preload/contract/schemas.ts';
import { AttractScreen } from './catalog/AttractScreen.tsx';
import { HomeScreen } from './catalog/HomeScreen.tsx';
import { ItemScreen } from './catalog/ItemScreen.tsx';
import { SearchScreen } from './catalog/SearchScreen.tsx';
import { QuizScreen } from './quiz/QuizScreen.tsx';
import { CollectionScreen } from './staff/CollectionScreen.tsx';
import { ContestsScreen } from './staff/ContestsScreen.tsx';
import { ImportScreen } from './staff/ImportScreen.tsx';
import { LogScreen } from './staff/LogScreen.tsx';
import { SettingsScreen } from './staff/SettingsScreen.tsx';
import { StaffHomeScreen } from './staff/StaffHomeScreen.tsx';
import { StaffSignInScreen } from './staff/StaffSignInScreen.tsx';
import { UpdatesScreen } from './updates/UpdatesScreen.tsx';

export interface ScreenParams {
  attract: object;
  home: object;
  search: object;
  /**
   * `summary` is what the visitor tapped, shown at once while the details load. `find`: a search matched on
   * a page of the document, which opens there at once with the match marked, in the language of the page
   * text that matched.
   */
  item: { id: string; summary?: ItemSummary; find?: { query: string; page: number; language: ContentLanguage } };
  /** A quiz item's quiz: its intro, the questions, the results. */
  quiz: { id: string };
  /** `lapsed`: sent back here because the staff session ended while a staff screen was open. */
  'staff-sign-in': { lapsed?: boolean };
  staff: object;
  'staff-import': object;
  'staff-log': object;
  'staff-collection': object;
  /** `firstRun`: straight after the PIN was chosen on a new kiosk. */
  'staff-settings': { firstRun?: boolean };
  'staff-stats': object;
  'staff-updates': object;
  'staff-contests': object;
}

export type ScreenName = keyof ScreenParams;
export type Screen = { [K in ScreenName]: { name: K } & ScreenParams[K] }[ScreenName];

export const screens: { [K in ScreenName]: ComponentType<ScreenParams[K]> } = {
  attract: AttractScreen,
  home: HomeScreen,
  search: SearchScreen,
  item: ItemScreen,
  quiz: QuizScreen,
  'staff-sign-in': StaffSignInScreen,
  staff: StaffHomeScreen,
  'staff-import': ImportScreen,
  'staff-log': LogScreen,
  'staff-collection': CollectionScreen,
  'staff-settings': SettingsScreen,
  'staff-updates': UpdatesScreen,
  'staff-contests': ContestsScreen,
  // Charts are for staff only: their code is fetched when staff first open them.
  'staff-stats': lazy(() =>
    import('./staff/StatisticsScreen.tsx').then((module) => ({ default: module.StatisticsScreen })),
  ),
};
