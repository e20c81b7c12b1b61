/** Quiz items open in the quiz screen, which keeps the top bar so the visitor can change language mid-quiz. */
import type { ScreenViewer } from '../viewers.ts';

export const quizViewer: ScreenViewer = {
  action: 'quiz.open',
  canOpen: (item) => item.files.some((file) => file.role === 'main' && file.mediaType === 'application/json'),
  screen: (item) => ({ name: 'quiz', id: item.id }),
};
