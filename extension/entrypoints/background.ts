import { startBackground } from '../background/start-background.ts';
import { startClosingTheLoop } from '../closing-the-loop/start-closing-the-loop.ts';

export default defineBackground(() => {
  startBackground();
  startClosingTheLoop();
});
