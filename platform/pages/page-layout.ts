import { escapeHtml } from './escape-html.ts';

/** The shared frame of the platform's few HTML pages (no scripts; `body` must already be escaped). */
export function pageLayout(title: string, body: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body { font-family: system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1f2328; line-height: 1.6; }
h1 { font-size: 1.5rem; } code { background: #f3f4f6; padding: 0 .25rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1.5rem; } th, td { border: 1px solid #d0d7de; padding: .35rem .5rem; text-align: left; vertical-align: top; }
th { background: #f6f8fa; width: 9rem; } .red { color: #b42318; } .black { color: #111; font-weight: 600; }
.muted { color: #656d76; font-size: .9rem; }
</style>
</head>
<body>
${body}
</body>
</html>
`;
}
