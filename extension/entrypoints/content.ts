import { startContent } from '../content/start-content.ts';

export default defineContentScript({
  matches: ['http://127.0.0.1/*', 'http://localhost/*'],
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    void startContent(document, ctx.signal);
  },
});
