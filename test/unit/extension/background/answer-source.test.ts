import { describe, expect, it } from 'vitest';
import { answerSource } from '../../../../extension/background/answer-source.ts';

describe('answerSource', () => {
  it('tells apart platforms, tokens, and no token', () => {
    const sources = [
      answerSource({ platformUrl: 'http://127.0.0.1:8787', token: '' }),
      answerSource({ platformUrl: 'http://127.0.0.1:8787', token: 'demo-viewer-hanyang-2018' }),
      answerSource({ platformUrl: 'http://127.0.0.1:8787', token: 'demo-admin-hanyang-2018' }),
      answerSource({ platformUrl: 'https://credit.example.gov.cn', token: 'demo-viewer-hanyang-2018' }),
    ];
    expect(new Set(sources).size).toBe(4);
  });

  it('is stable for the same settings and never contains the token', () => {
    const settings = { platformUrl: 'http://127.0.0.1:8787', token: 'demo-viewer-hanyang-2018' };
    expect(answerSource(settings)).toBe(answerSource({ ...settings }));
    expect(answerSource(settings)).not.toContain(settings.token);
  });
});
