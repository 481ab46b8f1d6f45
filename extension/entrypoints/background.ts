import { createBackground } from '../background/create-background.ts';

// Everything is built and wired in one place (background/create-background.ts).
export default defineBackground(() => {
  createBackground();
});
